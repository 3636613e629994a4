/**
 * The built CLI against in-process smtp-server peers on loopback, with the real keychain (the test
 * runner's scripts/with-keyring.sh session):
 * - `--save` stores --ca (absolute), --timeout and --allow-plaintext-auth; `--profile` reuses them,
 *   flags override them, `profiles show` prints them;
 * - `--save` runs AFTER the test: a failing test is still saved (with its verdict), a keychain or
 *   profiles-file failure is reported without losing the test or changing its exit code;
 * - `--access-token-stdin` alone means XOAUTH2.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/shared/profile-types';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { smtpError, startSmtpServer, type RunningServer } from '../support/servers';
import { ensureCliBuilt, parseJsonOutput, REPO_ROOT, runCli, type CliRun } from './cli-runner';
import { keychainAccounts } from '../support/keychain-accounts';
import { leakedForms, secretForms } from '../support/secret-forms';

const USER = 'fields@example.test';
const PASSWORD = `pw-${process.pid}-save-and-fields`;
const TOKEN = `at-${process.pid}-token-implies-oauth2`;

let pki: TestPki;
let tlsServer: RunningServer;
let plainServer: RunningServer;
let tokenServer: RunningServer;
let dir: string;
const seenTokens: Array<{ method: string; user: string | undefined; token: string | undefined }> = [];

const checkPassword: NonNullable<SMTPServerOptions['onAuth']> = (auth, _session, callback) => {
  if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
  else callback(smtpError('535 5.7.8 Error: authentication failed'));
};

beforeAll(async () => {
  await ensureCliBuilt();
  pki = await createTestPki();
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-cli-fields-'));
  tlsServer = await startSmtpServer({
    key: pki.server.key,
    cert: pki.server.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: checkPassword,
  });
  plainServer = await startSmtpServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth: checkPassword,
  });
  tokenServer = await startSmtpServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['XOAUTH2'],
    onAuth(auth, _session, callback) {
      seenTokens.push({ method: auth.method, user: auth.username, token: auth.accessToken });
      if (auth.method === 'XOAUTH2' && auth.accessToken === TOKEN) callback(null, { user: auth.username });
      else callback(null, { data: { status: '401', schemes: 'bearer' } });
    },
  });
});

afterAll(async () => {
  await Promise.all([tlsServer?.close(), plainServer?.close(), tokenServer?.close()]);
  if (pki) await removeTestPki(pki);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const outputs: string[] = [];

/** `mailcheck smtp` against the local STARTTLS server, trusting the test CA, password on stdin. */
function starttlsTestArgs(): string[] {
  const target = ['--host', '127.0.0.1', '--port', String(tlsServer.port), '--security', 'starttls'];
  return ['smtp', ...target, '--user', USER, '--password-stdin', '--ca', pki.ca.certFile];
}

/** `mailcheck smtp` against the local server without TLS (no user yet). */
function plaintextTestArgs(): string[] {
  return ['smtp', '--host', '127.0.0.1', '--port', String(plainServer.port), '--security', 'none'];
}

async function cli(
  configDir: string,
  args: string[],
  stdin?: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  const run = await runCli(args, { stdin, env: { MAILCHECK_CONFIG_DIR: configDir, ...env } });
  outputs.push(run.stdout, run.stderr);
  return run;
}

async function savedProfiles(configDir: string): Promise<Profile[]> {
  return (JSON.parse(await readFile(join(configDir, 'profiles.json'), 'utf8')) as { profiles: Profile[] })
    .profiles;
}

describe('profile fields: --ca, --timeout, --allow-plaintext-auth', () => {
  it('--save stores them (the CA path made absolute); --profile reuses them; flags override; show prints them', async () => {
    const configDir = join(dir, 'fields');
    // Relative to the CLI's working folder (the repository root, see cli-runner.ts).
    const relativeCa = relative(REPO_ROOT, pki.ca.certFile);
    const first = await cli(
      configDir,
      [
        'smtp',
        '--host',
        '127.0.0.1',
        '--port',
        String(tlsServer.port),
        '--security',
        'starttls',
        '--user',
        USER,
        '--password-stdin',
        '--ca',
        relativeCa,
        '--timeout',
        '4321',
        '--save',
        'tls-profile',
        '--json',
      ],
      `${PASSWORD}\n`,
    );
    expect(first.code, first.stderr).toBe(0);
    expect(parseJsonOutput(first)).toMatchObject({
      ok: true,
      saved: { profile: 'tls-profile', settingsSaved: true, passwordInKeychain: true },
    });
    const [stored] = await savedProfiles(configDir);
    expect(stored).toMatchObject({ name: 'tls-profile', caFile: pki.ca.certFile, timeoutMs: 4321 });
    expect(stored).not.toHaveProperty('allowPlaintextAuth');

    // No --ca, no password: both come from the profile (the file and the keychain).
    const rerun = await cli(configDir, ['smtp', '--profile', 'tls-profile', '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(parseJsonOutput(rerun)).toMatchObject({ ok: true, tls: { trusted: true } });

    // A flag overrides the saved CA: this one is not a certificate, so it is a usage error.
    const notPem = join(dir, 'not-a-ca.txt');
    await writeFile(notPem, 'not a certificate\n');
    const overridden = await cli(configDir, ['smtp', '--profile', 'tls-profile', '--ca', notPem]);
    expect(overridden.code).toBe(2);
    expect(overridden.stderr).toMatch(/not-a-ca\.txt.*PEM/);

    const show = await cli(configDir, ['profiles', 'show', 'tls-profile']);
    expect(show.code).toBe(0);
    expect(show.stdout.split('\n')).toContainEqual(expect.stringMatching(/^CA file +\//));
    expect(show.stdout).toContain(`  ${pki.ca.certFile}\n`);
    expect(show.stdout).toMatch(/^Timeout +4321 ms$/m);
    const showIt = await cli(configDir, ['profiles', 'show', 'tls-profile', '--lang', 'it']);
    expect(showIt.stdout).toMatch(/^File CA +\//m);
    const showJson = parseJsonOutput(await cli(configDir, ['profiles', 'show', 'tls-profile', '--json']));
    expect(showJson).toMatchObject({ profile: { caFile: pki.ca.certFile, timeoutMs: 4321 } });

    expect((await cli(configDir, ['profiles', 'delete', 'tls-profile'])).code).toBe(0);
  });

  it('the plaintext-login permission is saved and reused; without it the password is not sent', async () => {
    const configDir = join(dir, 'plaintext');
    const base = plaintextTestArgs();
    const saved = await cli(
      configDir,
      [...base, '--user', USER, '--password-stdin', '--allow-plaintext-auth', '--save', 'plain', '--json'],
      `${PASSWORD}\n`,
    );
    expect(saved.code, saved.stderr).toBe(0);
    expect((await savedProfiles(configDir))[0]).toMatchObject({ name: 'plain', allowPlaintextAuth: true });
    const show = await cli(configDir, ['profiles', 'show', 'plain']);
    expect(show.stdout).toMatch(/^Plaintext login +allowed without TLS/m);

    const rerun = await cli(configDir, ['smtp', '--profile', 'plain', '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(parseJsonOutput(rerun)).toMatchObject({ ok: true });

    // The same settings saved WITHOUT the permission: the engine refuses to send the password.
    const strict = await cli(
      configDir,
      [...base, '--user', USER, '--password-stdin', '--save', 'plain-strict', '--json'],
      `${PASSWORD}\n`,
    );
    expect(strict.code).toBe(1);
    const strictRerun = await cli(configDir, ['smtp', '--profile', 'plain-strict', '--json']);
    expect(strictRerun.code).toBe(1);
    const json = parseJsonOutput(strictRerun) as {
      steps: Array<{ id: string; status: string }>;
      diagnosis: { id: string } | null;
      transcript: Array<{ dir: string; text: string }>;
    };
    // The login step refuses before sending anything: no AUTH command in the transcript.
    expect(json.steps.find((s) => s.id === 'auth')?.status).toBe('fail');
    expect(json.diagnosis?.id).toBe('auth.plaintext-refused');
    expect(json.transcript.filter((l) => l.dir === 'client' && /^AUTH\b/i.test(l.text))).toEqual([]);

    for (const name of ['plain', 'plain-strict']) await cli(configDir, ['profiles', 'delete', name]);
  });
});

describe('--save happens after the test', () => {
  it('a failing test is still saved, with its verdict and the exit code of the test', async () => {
    const configDir = join(dir, 'failing');
    const run = await cli(configDir, [...starttlsTestArgs(), '--save', 'being-fixed'], 'a-wrong-password\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\[auth\.rejected\]/);
    // The verdict is printed first, the saving line last: the test came first.
    expect(run.stdout.indexOf('auth.rejected')).toBeLessThan(
      run.stdout.indexOf('Profile "being-fixed" saved'),
    );
    const [stored] = await savedProfiles(configDir);
    expect(stored).toMatchObject({
      name: 'being-fixed',
      lastResult: { ok: false, diagnosisId: 'auth.rejected' },
    });
    expect(await keychainAccounts()).toContain('being-fixed');
    expect((await cli(configDir, ['profiles', 'delete', 'being-fixed'])).code).toBe(0);
  });

  it('an unwritable profiles folder: the test still runs and reports; nothing is saved, not even the password', async () => {
    // A regular file where the config folder should be: mkdir fails.
    const blocker = join(dir, 'not-a-folder');
    await writeFile(blocker, 'x');
    const run = await cli(
      join(blocker, 'config'),
      [
        ...plaintextTestArgs(),
        '--user',
        USER,
        '--password-stdin',
        '--allow-plaintext-auth',
        '--save',
        'nowhere',
        '--json',
      ],
      `${PASSWORD}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(parseJsonOutput(run)).toMatchObject({
      ok: true,
      saved: { profile: 'nowhere', settingsSaved: false, passwordInKeychain: false },
    });
    expect(run.stderr).toMatch(/profile "nowhere" NOT saved/);
    expect(await keychainAccounts()).not.toContain('nowhere');
  });

  it('no keychain: the test result and its exit code are kept, the settings saved, the password not', async () => {
    const configDir = join(dir, 'no-keychain');
    const run = await cli(
      configDir,
      [...starttlsTestArgs(), '--save', 'no-keychain', '--lang', 'it'],
      'a-wrong-password\n',
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/mailcheck-bus' },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\[auth\.rejected\]/);
    expect(run.stderr).toMatch(/password NON salvata/);
    expect(run.stdout).toMatch(/Profilo "no-keychain" salvato senza password/);
    expect((await savedProfiles(configDir))[0]).toMatchObject({
      name: 'no-keychain',
      caFile: pki.ca.certFile,
    });
  });
});

describe('--access-token-stdin', () => {
  it('without --auth logs in with XOAUTH2 using the token from stdin', async () => {
    const run = await cli(
      join(dir, 'token'),
      [
        'smtp',
        '--host',
        '127.0.0.1',
        '--port',
        String(tokenServer.port),
        '--security',
        'none',
        '--allow-plaintext-auth',
        '--user',
        USER,
        '--access-token-stdin',
        '--json',
      ],
      `${TOKEN}\n`,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(parseJsonOutput(run)).toMatchObject({ ok: true, request: { authMethod: 'oauth2', user: USER } });
    expect(seenTokens.at(-1)).toEqual({ method: 'XOAUTH2', user: USER, token: TOKEN });
  });
});

describe('no secret in any output', () => {
  it('the password and the token appear in no stdout or stderr of this file', () => {
    const all = outputs.join('\n');
    expect(leakedForms(all, secretForms(PASSWORD, USER))).toEqual([]);
    expect(leakedForms(all, secretForms(TOKEN, USER))).toEqual([]);
  });
});
