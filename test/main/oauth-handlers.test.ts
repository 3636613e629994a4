/**
 * The OAuth channels end to end through dispatch(): the real OAuth service against the local
 * identity server, the real keychain (run inside scripts/with-keyring.sh) and a real profiles file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeychainStore } from '../../src/engine/credentials';
import { createOAuthService, loopbackUnavailableError } from '../../src/engine/oauth';
import { createMainHandlers, toIpcErrorPayload, type MainDeps } from '../../src/main/handlers';
import { dispatch } from '../../src/main/ipc/dispatch';
import { getDiagnosis } from '../../src/shared/diagnoses';
import type { IpcChannel, IpcEvents } from '../../src/shared/ipc';
import { IdentityServer, MS_ERRORS } from '../oauth/fixtures/identity-server';
import { keychainAccounts, uniqueProfile } from '../oauth/fixtures/keychain';
import type { ProbeResult } from '../../src/shared/probe-types';
import { ipcFailure } from './ipc-failure';
import { startRecordingSmtp } from './recording-smtp';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000a11c0';
const WAIT_MS = 5_000;
const credentials = createKeychainStore();
let idp: IdentityServer;
let dir: string;

beforeAll(async () => {
  idp = await IdentityServer.start();
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-oauth-handlers-'));
});
afterAll(async () => {
  await idp?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Harness {
  call: <C extends IpcChannel>(channel: C, ...args: unknown[]) => Promise<unknown>;
  deviceCodes: Array<IpcEvents['oauth:device-code']>;
  opened: string[];
}

/** Handlers wired to the real service; `onDeviceCode` plays the person who types the code. */
function harness(onDeviceCode: (event: IpcEvents['oauth:device-code']) => void = () => undefined): Harness {
  const deviceCodes: Harness['deviceCodes'] = [];
  const opened: string[] = [];
  const deps: MainDeps = {
    profilesFile: join(dir, `profiles-${Math.random().toString(36).slice(2)}.json`),
    credentials,
    emit: (channel, payload) => {
      if (channel !== 'oauth:device-code') return;
      const event = payload as IpcEvents['oauth:device-code'];
      deviceCodes.push(event);
      onDeviceCode(event);
    },
    saveReport: async () => ({ saved: false }),
    writeClipboard: async () => undefined,
    openExternal: async () => undefined,
    appInfo: () => ({ version: '0.1.0', locale: 'en', platform: process.platform }),
    oauth: createOAuthService({
      store: credentials,
      authorityHost: idp.base,
      openBrowser: async (url) => {
        opened.push(url); // the person never finishes in the browser
      },
    }),
  };
  const handlers = createMainHandlers(deps);
  return { call: (channel, ...args) => dispatch(handlers, channel, args), deviceCodes, opened };
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const oauthProfile = (name: string) => ({
  name,
  host: 'smtp-mail.outlook.com',
  port: 587,
  security: 'starttls',
  authMethod: 'oauth2',
  oauth: { clientId: CLIENT_ID, tenant: 'consumers' },
  updatedAt: new Date().toISOString(),
});

describe('oauth channels', () => {
  it('device flow: emits oauth:device-code, signs in, records the address on the profile', async () => {
    const name = uniqueProfile('ipc-device');
    const h = harness((event) => void idp.completeDeviceLogin(event.userCode));
    await h.call('profiles:save', { profile: oauthProfile(name) });
    const result = await h.call('oauth:sign-in', {
      profileName: name,
      clientId: CLIENT_ID,
      tenant: 'consumers',
      flow: 'device',
    });
    expect(result).toEqual({ user: 'alice@outlook.com' });
    expect(h.opened).toEqual([]);
    expect(h.deviceCodes).toEqual([
      {
        profileName: name,
        userCode: expect.stringMatching(/^[0-9A-F]{9}$/),
        verificationUri: `${idp.base}/devicelogin`,
        expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      },
    ]);
    const { profiles } = (await h.call('profiles:list')) as { profiles: Array<Record<string, unknown>> };
    expect(profiles).toEqual([expect.objectContaining({ name, user: 'alice@outlook.com' })]);
    expect(await credentials.read(name, 'oauth-refresh')).toBe(idp.issued.refresh.at(-1));
    await h.call('profiles:delete', name);
    expect(await keychainAccounts()).not.toContain(`${name}#oauth-refresh`);
  });

  it('oauth:cancel-sign-in ends a pending browser sign-in with the oauth.cancelled diagnosis', async () => {
    const name = uniqueProfile('ipc-cancel');
    const h = harness();
    const pending = ipcFailure(
      h.call('oauth:sign-in', { profileName: name, clientId: CLIENT_ID, tenant: 'consumers' }),
    );
    await expect.poll(() => h.opened.length, { timeout: WAIT_MS }).toBe(1);
    await h.call('oauth:cancel-sign-in');
    const failure = await pending;
    const entry = getDiagnosis('oauth.cancelled')!;
    expect(failure).toEqual({
      code: 'OAUTH_CANCELLED',
      diagnosisId: 'oauth.cancelled',
      en: `${entry.title.en}. ${entry.explanation.en}`,
      it: `${entry.title.it}. ${entry.explanation.it}`,
    });
    expect(await credentials.read(name, 'oauth-refresh')).toBeNull();
  });

  it('a refused sign-in carries its catalogue diagnosis and Microsoft’s words, in both languages', async () => {
    const h = harness((event) => void idp.completeDeviceLogin(event.userCode));
    idp.nextDeviceTokenError = MS_ERRORS.consentRequired;
    const failure = await ipcFailure(
      h.call('oauth:sign-in', {
        profileName: uniqueProfile('ipc-consent'),
        clientId: CLIENT_ID,
        tenant: 'consumers',
        flow: 'device',
      }),
    );
    const entry = getDiagnosis('oauth.consent-required')!;
    expect(failure.code).toBe('OAUTH_SERVER_ERROR');
    expect(failure.diagnosisId).toBe('oauth.consent-required');
    expect(failure.en).toMatch(
      new RegExp(
        `^${escape(entry.title.en)}\\. ${escape(entry.explanation.en)} Microsoft said: invalid_grant: AADSTS65001:`,
      ),
    );
    expect(failure.it).toMatch(
      new RegExp(
        `^${escape(entry.title.it)}\\. ${escape(entry.explanation.it)} Risposta di Microsoft: invalid_grant: AADSTS65001:`,
      ),
    );
  });

  it('oauth:sign-out removes the refresh token only; profiles:delete removes the rest', async () => {
    const name = uniqueProfile('ipc-signout');
    const h = harness((event) => void idp.completeDeviceLogin(event.userCode));
    const password = `Pw-${name}`;
    await h.call('profiles:save', { profile: oauthProfile(name), password });
    await h.call('oauth:sign-in', {
      profileName: name,
      clientId: CLIENT_ID,
      tenant: 'consumers',
      flow: 'device',
    });
    expect(await keychainAccounts()).toEqual(expect.arrayContaining([name, `${name}#oauth-refresh`]));
    await h.call('oauth:sign-out', name);
    expect(await credentials.read(name, 'oauth-refresh')).toBeNull();
    expect(await credentials.read(name, 'password')).toBe(password);
    await h.call('profiles:delete', name);
    expect(await keychainAccounts()).not.toContain(name);
  });

  it('moving a signed-in profile to another server forgets its sign-in, in memory too', async () => {
    const elsewhere = await startRecordingSmtp();
    try {
      const name = uniqueProfile('ipc-moved');
      const h = harness((event) => void idp.completeDeviceLogin(event.userCode));
      await h.call('profiles:save', { profile: oauthProfile(name) });
      await h.call('oauth:sign-in', {
        profileName: name,
        clientId: CLIENT_ID,
        tenant: 'consumers',
        flow: 'device',
      });
      // The (untrusted) window points the profile at another server, then tests it there.
      const server = { host: '127.0.0.1', port: elsewhere.port, security: 'none' };
      await h.call('profiles:save', {
        profile: { ...oauthProfile(name), ...server, user: 'alice@outlook.com' },
      });
      const result = (await h.call('probe:run', {
        runId: 'moved-oauth',
        request: { ...server, allowPlaintextAuth: true, timeoutMs: WAIT_MS },
        profileName: name,
      })) as ProbeResult;
      // Neither the refresh token nor the access token of the sign-in reaches the new server.
      expect(elsewhere.authUsers).toEqual([]);
      expect(result.diagnosis?.id).toBe('oauth.grant-expired');
      expect(await credentials.read(name, 'oauth-refresh')).toBeNull();
      await h.call('profiles:delete', name);
    } finally {
      await elsewhere.stop();
    }
  });

  it('a browser sign-in that cannot open its local port points to the device code, in both languages', () => {
    expect(toIpcErrorPayload(loopbackUnavailableError('listen EACCES 127.0.0.1'))).toEqual({
      code: 'OAUTH_LOOPBACK_UNAVAILABLE',
      diagnosisId: 'oauth.failed',
      en:
        'Could not open the local port that receives the browser sign-in (listen EACCES 127.0.0.1). ' +
        'Sign in with a code on screen instead (device code): it needs no local port.',
      it:
        "Non è stato possibile aprire la porta locale che riceve l'accesso dal browser (listen EACCES 127.0.0.1). " +
        'Accedi invece con un codice a schermo (device code): non richiede alcuna porta locale.',
    });
  });
});
