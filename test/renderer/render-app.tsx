import { render } from '@testing-library/react';
import { App } from '../../src/renderer/src/App';
import type { Lang } from '../../src/shared/probe-types';
import type { KeychainStatus, Profile, RunRecord } from '../../src/shared/profile-types';
import { createFakeApi, type FakeApi, type Handlers } from './fake-api';

/**
 * Renders the whole App over a fake window.api that answers the start-up calls (OS language,
 * keychain, saved accounts) and saving an account; `overrides` adds or replaces handlers.
 */
export function renderApp(
  overrides: Handlers = {},
  opts: {
    locale?: Lang;
    keychain?: KeychainStatus;
    profiles?: Profile[];
    msClientId?: string;
    history?: Record<string, RunRecord[]>;
    /** Keep the language remembered by a previous window (default: start from the OS language). */
    keepRememberedLanguage?: boolean;
  } = {},
): FakeApi {
  const api = createFakeApi({
    'app:info': () => ({
      version: '0.1.0',
      locale: opts.locale ?? 'en',
      platform: 'linux',
      ...(opts.msClientId ? { msClientId: opts.msClientId } : {}),
    }),
    'keychain:status': () => opts.keychain ?? { available: true },
    'profiles:list': () => ({ profiles: opts.profiles ?? [] }),
    'history:list': () => ({ runs: opts.history ?? {} }),
    'profiles:save': () => ({ savedSecret: false }),
    ...overrides,
  });
  // The language the user picked is remembered: each test starts from the OS language.
  if (!opts.keepRememberedLanguage) localStorage.clear();
  render(<App api={api} />);
  return api;
}

/** A saved Outlook.com account that signs in with Microsoft. */
export const HOTMAIL_OAUTH_PROFILE: Profile = {
  name: 'Hotmail',
  email: 'mario@hotmail.it',
  provider: 'outlook',
  host: 'smtp-mail.outlook.com',
  port: 587,
  security: 'starttls',
  user: 'mario@hotmail.it',
  authMethod: 'oauth2',
  oauth: { clientId: '3f1c2d4e-0000-4000-8000-000000000001', tenant: 'consumers' },
  updatedAt: '2026-11-26T00:00:00Z',
};
