import { describe, expect, it } from 'vitest';
import { IPC_CHANNELS, type IpcChannel } from '../../src/shared/ipc';
import { IPC_SCHEMAS, IpcInputError, parseArgs } from '../../src/main/ipc/schemas';
import { toIpcError } from '../../src/main/handlers';
import { decodeIpcError } from '../../src/shared/ipc-error';
import type { Profile } from '../../src/shared/profile-types';

const profile: Profile = {
  name: 'Work',
  host: 'smtp-mail.outlook.com',
  port: 587,
  security: 'starttls',
  user: 'me@outlook.com',
  authMethod: 'password',
  updatedAt: '2026-11-26T10:00:00.000Z',
};

const runInput = {
  runId: 'run-1',
  request: {
    host: 'smtp-mail.outlook.com',
    port: 587,
    security: 'starttls',
    auth: { method: 'password', user: 'me@outlook.com', password: 'pw' },
  },
};

/** One valid argument list per channel. */
const VALID: { [C in IpcChannel]: unknown[] } = {
  'app:info': [],
  'app:open-external': ['https://support.microsoft.com/account'],
  'clipboard:write': ['report text'],
  'report:save': [{ suggestedName: 'mailcheck-report.md', text: '# Report' }],
  'probe:run': [runInput],
  'probe:cancel': ['run-1'],
  'profiles:list': [],
  'profiles:save': [{ profile, password: 'secret' }],
  'profiles:delete': ['Work'],
  'history:list': [],
  'keychain:status': [],
  'oauth:sign-in': [
    { profileName: 'Work', clientId: '00000000-0000-0000-0000-000000000000', tenant: 'consumers' },
  ],
  'oauth:cancel-sign-in': [],
  'oauth:sign-out': ['Work'],
};

function rejects(channel: IpcChannel, args: unknown[], pattern?: RegExp): IpcInputError {
  let caught: unknown;
  try {
    parseArgs(channel, args);
  } catch (error) {
    caught = error;
  }
  expect(caught, `${channel} accepted ${JSON.stringify(args).slice(0, 200)}`).toBeInstanceOf(IpcInputError);
  if (pattern) expect((caught as Error).message).toMatch(pattern);
  return caught as IpcInputError;
}

describe('parseArgs', () => {
  it('has a schema for every channel of the contract', () => {
    expect(Object.keys(IPC_SCHEMAS).sort()).toEqual([...IPC_CHANNELS].sort());
  });

  it.each(IPC_CHANNELS)('accepts a valid payload for %s', (channel) => {
    expect(parseArgs(channel, VALID[channel])).toEqual(VALID[channel]);
  });

  it.each(IPC_CHANNELS)('rejects the wrong arity for %s', (channel) => {
    rejects(channel, [...VALID[channel], 'extra']);
    if (VALID[channel].length > 0) rejects(channel, []);
  });

  it('rejects an unknown channel and a non-list', () => {
    expect(() => parseArgs('shell:exec' as IpcChannel, [])).toThrow(IpcInputError);
    expect(() => parseArgs('app:info', 'x' as never)).toThrow(IpcInputError);
  });

  it('rejects bad types', () => {
    rejects('probe:run', [{ ...runInput, request: { ...runInput.request, port: '587' } }], /request\.port/);
    rejects('probe:run', [{ ...runInput, request: { ...runInput.request, port: 70000 } }]);
    rejects('probe:run', [{ ...runInput, request: { ...runInput.request, security: 'ssl' } }]);
    rejects('probe:cancel', [42]);
    rejects('clipboard:write', [{ text: 'x' }]);
    rejects('profiles:save', [{ profile: { ...profile, port: 1.5 } }]);
    rejects('profiles:save', [{ profile: { ...profile, authMethod: 'kerberos' } }]);
  });

  it('rejects CR/LF where a value may reach an SMTP command line', () => {
    const req = runInput.request;
    rejects(
      'probe:run',
      [{ ...runInput, request: { ...req, host: 'smtp.example.com\r\nMAIL FROM:<x>' } }],
      /host/,
    );
    rejects('probe:run', [
      { ...runInput, request: { ...req, auth: { method: 'password', user: 'me\r\nRSET', password: 'pw' } } },
    ]);
    rejects('probe:run', [
      { ...runInput, request: { ...req, send: { from: 'a@b.c\nRCPT TO:<x>', to: 'x@y.z' } } },
    ]);
    rejects('probe:run', [{ ...runInput, request: { ...req, clientName: 'me\rQUIT' } }]);
    rejects('profiles:save', [{ profile: { ...profile, user: 'me\n' } }]);
    rejects('profiles:save', [{ profile: { ...profile, name: 'Work\nLine' } }]);
  });

  it('rejects huge strings', () => {
    const req = runInput.request;
    rejects('probe:run', [{ ...runInput, request: { ...req, host: 'a'.repeat(254) } }], /host/);
    rejects('probe:run', [
      {
        ...runInput,
        request: { ...req, auth: { method: 'password', user: 'me', password: 'p'.repeat(4097) } },
      },
    ]);
    rejects('clipboard:write', ['x'.repeat(1_000_001)]);
    rejects('report:save', [{ suggestedName: 'r.md', text: 'x'.repeat(5_000_001) }]);
    rejects('probe:cancel', ['r'.repeat(101)]);
    rejects('profiles:delete', ['n'.repeat(65)]);
    rejects('app:open-external', ['https://example.com/' + 'a'.repeat(2048)]);
    expect(
      parseArgs('probe:run', [{ ...runInput, request: { ...req, host: 'a'.repeat(253) } }]),
    ).toBeTruthy();
  });

  it('rejects extra keys, including caPem and getAccessToken from the renderer', () => {
    rejects('probe:run', [{ ...runInput, extra: 1 }], /extra/);
    rejects('probe:run', [
      { ...runInput, request: { ...runInput.request, caPem: '-----BEGIN CERTIFICATE-----' } },
    ]);
    rejects('probe:run', [
      {
        ...runInput,
        request: { ...runInput.request, auth: { method: 'oauth2', user: 'me', getAccessToken: 'x' } },
      },
    ]);
    rejects('profiles:save', [{ profile: { ...profile, color: 'red' } }]);
    rejects('report:save', [{ suggestedName: 'r.md', text: '', path: '/etc/passwd' }]);
  });

  it('only lets http and https links through', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ms-settings:',
      'smb://host/share',
      'not a url',
    ]) {
      rejects('app:open-external', [url], /http/);
    }
    expect(parseArgs('app:open-external', ['http://aka.ms/smtp'])).toEqual(['http://aka.ms/smtp']);
  });

  it('refuses file names with paths in report:save', () => {
    for (const suggestedName of ['../../.bashrc', '/etc/cron.d/x', 'C:\\Windows\\x', '..', 'a\nb.md', '']) {
      rejects('report:save', [{ suggestedName, text: 'x' }]);
    }
  });

  it('never repeats a rejected value (such as a password) in its message', () => {
    const secret = 'p'.repeat(5000) + 'SECRET-MARKER';
    const error = rejects('probe:run', [
      {
        ...runInput,
        request: { ...runInput.request, auth: { method: 'password', user: 'me', password: secret } },
      },
    ]);
    expect(error.message).not.toContain('SECRET-MARKER');
    expect(error.message).toMatch(/password/);
  });

  it('accepts savePassword and the sign-in flow, and refuses wrong values for them', () => {
    expect(parseArgs('probe:run', [{ ...runInput, saveAs: 'Work', savePassword: false }])).toEqual([
      { ...runInput, saveAs: 'Work', savePassword: false },
    ]);
    rejects('probe:run', [{ ...runInput, savePassword: 'no' }], /savePassword/);
    const signIn = VALID['oauth:sign-in'][0] as Record<string, unknown>;
    for (const flow of ['browser', 'device']) {
      expect(parseArgs('oauth:sign-in', [{ ...signIn, flow }])).toEqual([{ ...signIn, flow }]);
    }
    rejects('oauth:sign-in', [{ ...signIn, flow: 'popup' }], /flow/);
    rejects('oauth:cancel-sign-in', ['Work']);
  });

  it('crosses IPC as a bilingual payload naming the fields, never the values', () => {
    const error = rejects('probe:run', [
      {
        ...runInput,
        request: { ...runInput.request, port: 'SECRET-PORT', auth: { method: 'password', user: 'me' } },
      },
    ]);
    const payload = decodeIpcError(toIpcError(error));
    expect(payload?.code).toBe('IPC_INVALID_ARGUMENTS');
    expect(payload?.en).toMatch(/^Invalid arguments for probe:run: .*request\.port/);
    expect(payload?.it).toMatch(
      /^Argomenti non validi per probe:run; campi da correggere: .*request\.port.*request\.auth\.password/,
    );
    expect(JSON.stringify(payload)).not.toContain('SECRET-PORT');
    expect(decodeIpcError(toIpcError(rejects('shell:exec' as IpcChannel, [])))).toEqual({
      code: 'IPC_INVALID_ARGUMENTS',
      en: 'Unknown IPC channel.',
      it: 'Canale IPC sconosciuto.',
    });
  });
});
