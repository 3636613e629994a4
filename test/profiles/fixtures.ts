import type { Profile } from '../../src/shared/profile-types';

export function makeProfile(name: string, extra: Partial<Profile> = {}): Profile {
  return {
    name,
    host: 'smtp-mail.outlook.com',
    port: 587,
    security: 'starttls',
    user: `${name.replace(/\s/g, '')}@example.test`,
    authMethod: 'password',
    updatedAt: '2026-11-26T10:00:00.000Z',
    ...extra,
  };
}
