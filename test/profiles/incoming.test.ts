/** The optional incoming server of a profile: it round-trips through the real file; bad ones are refused. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileStore, strictProfileSchema } from '../../src/engine/profiles';
import type { IncomingServer, Profile } from '../../src/shared/profile-types';
import { makeProfile } from './fixtures';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-profile-incoming-'));
  file = join(dir, 'profiles.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const INCOMING: IncomingServer = {
  protocol: 'imap',
  host: 'outlook.office365.com',
  port: 993,
  security: 'tls',
};

describe('profile incoming server', () => {
  it('round-trips, with and without its own login', async () => {
    const store = new ProfileStore(file);
    await store.save(makeProfile('Plain', { incoming: INCOMING }));
    const own = {
      ...INCOMING,
      protocol: 'pop3',
      port: 995,
      user: 'other@example.it',
      authMethod: 'oauth2',
    } as const;
    await store.save(makeProfile('Own', { incoming: own }));
    const reread = new ProfileStore(file);
    expect((await reread.get('Plain'))?.incoming).toEqual(INCOMING);
    expect((await reread.get('Own'))?.incoming).toEqual(own);
    expect(await reread.get('Plain')).not.toHaveProperty('incoming.user');
  });

  it.each<[string, Record<string, unknown>]>([
    ['an SMTP protocol', { protocol: 'smtp' }],
    ['a host with CR LF', { host: 'imap.example.it\r\nA1 LOGOUT' }],
    ['port 0', { port: 0 }],
    ['an unknown security', { security: 'ssl' }],
    ['an unknown field', { password: 'secret' }],
  ])('refuses %s on save and over IPC', async (_label, bad) => {
    const profile = { ...makeProfile('Bad'), incoming: { ...INCOMING, ...bad } } as Profile;
    await expect(new ProfileStore(file).save(profile)).rejects.toThrow();
    expect(strictProfileSchema.safeParse(profile).success).toBe(false);
  });
});
