/**
 * A whole CLI session with the real keychain (inside scripts/with-keyring.sh, as the test runner
 * is) and the real Postfix: --save, rerun with --profile (password from the keychain), profiles
 * list/show/delete. Then the leak check: the unique password and its base64 forms appear in no
 * stdout, no stderr and no file of the config folder. `secret-tool` shows the keychain item, and
 * shows it gone after delete. Also: with no keychain, --save (after the test) saves the settings
 * only and says so.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMta, type RunningMta } from '../mta/mta';
import { ensureCliBuilt, parseJsonOutput, runCli, type CliRun } from './cli-runner';
import { keychainAccounts } from '../support/keychain-accounts';
import { leakedForms, secretForms } from '../support/secret-forms';

const PROFILE = 'leak-test';

let mta: RunningMta;
let configDir: string;
const transcript: string[] = [];

beforeAll(async () => {
  await Promise.all([ensureCliBuilt(), startMta().then((m) => (mta = m))]);
  configDir = await mkdtemp(join(tmpdir(), 'mailcheck-cli-config-'));
});

afterAll(async () => {
  await mta?.stop();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

async function cli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const run = await runCli(args, {
    stdin: opts.stdin,
    env: { MAILCHECK_CONFIG_DIR: configDir, ...opts.env },
  });
  transcript.push(run.stdout, run.stderr);
  return run;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('CLI session with the keychain', () => {
  it('--save, --profile, profiles list/show/delete: works, and the password leaks nowhere', async () => {
    const smtpArgs = [
      'smtp',
      '--host',
      '127.0.0.1',
      '--port',
      String(mta.submissionPort),
      '--security',
      'starttls',
    ];

    const saved = await cli(
      [...smtpArgs, '--user', mta.user, '--password-stdin', '--ca', mta.caFile, '--save', PROFILE, '--json'],
      {
        stdin: `${mta.password}\n`,
      },
    );
    expect(saved.code, saved.stderr).toBe(0);
    expect(parseJsonOutput(saved)).toMatchObject({
      ok: true,
      saved: { profile: PROFILE, passwordInKeychain: true },
    });
    expect(await keychainAccounts()).toContain(PROFILE);

    // Rerun by name: no password on stdin (it comes from the keychain), no --ca (the profile has it).
    const rerun = await cli(['smtp', '--profile', PROFILE, '--json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(parseJsonOutput(rerun)).toMatchObject({
      ok: true,
      request: { user: mta.user, port: mta.submissionPort },
    });

    // Human rerun in Italian; flags override the profile (here: implicit TLS on the smtps port).
    const overridden = await cli([
      'smtp',
      '--profile',
      PROFILE,
      '--port',
      String(mta.smtpsPort),
      '--security',
      'tls',
      '--lang',
      'it',
    ]);
    expect(overridden.code).toBe(0);
    expect(overridden.stdout).toMatch(/Tutti i passaggi sono riusciti/);

    const list = await cli(['profiles', 'list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      new RegExp(
        `^${PROFILE} +${mta.user.replace('.', '\\.')} @ 127\\.0\\.0\\.1:${mta.submissionPort} \\(starttls, password\\) +\\[OK, `,
        'm',
      ),
    );
    const listJson = parseJsonOutput(await cli(['profiles', 'list', '--json']));
    expect(listJson).toMatchObject({
      ok: true,
      profiles: [{ name: PROFILE, host: '127.0.0.1', authMethod: 'password' }],
    });

    const show = await cli(['profiles', 'show', PROFILE]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Password +saved in the keychain/);
    const showJson = parseJsonOutput(await cli(['profiles', 'show', PROFILE, '--json']));
    expect(showJson).toMatchObject({ ok: true, passwordInKeychain: true, profile: { name: PROFILE } });

    const deleted = await cli(['profiles', 'delete', PROFILE]);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/Profile "leak-test" deleted/);
    expect(await keychainAccounts()).not.toContain(PROFILE);
    const gone = await cli(['profiles', 'show', PROFILE]);
    expect(gone.code).toBe(2);
    const rerunGone = await cli(['smtp', '--profile', PROFILE]);
    expect(rerunGone.code).toBe(2);

    // The leak check, by form index only (a failure must not print the secret).
    const forms = secretForms(mta.password, mta.user);
    expect(leakedForms(transcript.join('\n'), forms)).toEqual([]);
    const files = await filesUnder(configDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const content = (await readFile(file)).toString('latin1');
      expect({ file, leaked: leakedForms(content, forms) }).toEqual({ file, leaked: [] });
    }
  });

  it('no keychain with --save: says so, tests anyway, keeps the settings, never writes the password', async () => {
    const noKeychainDir = await mkdtemp(join(tmpdir(), 'mailcheck-cli-nokeychain-'));
    try {
      const run = await runCli(
        [
          'smtp',
          '--host',
          '127.0.0.1',
          '--port',
          String(mta.submissionPort),
          '--user',
          mta.user,
          '--password-stdin',
          '--ca',
          mta.caFile,
          '--save',
          'no-keychain',
        ],
        {
          stdin: `${mta.password}\n`,
          // A session bus that does not exist: no Secret Service can answer.
          env: {
            MAILCHECK_CONFIG_DIR: noKeychainDir,
            DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/mailcheck-bus',
          },
        },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/password NOT saved/);
      expect(run.stderr).toMatch(/settings \(without the password\) are saved in profile "no-keychain"/);
      expect(run.stdout).toMatch(/All steps passed/);
      expect(run.stdout).toMatch(/Profile "no-keychain" saved without a password/);
      const forms = secretForms(mta.password, mta.user);
      expect(leakedForms(run.stdout + run.stderr, forms)).toEqual([]);
      for (const file of await filesUnder(noKeychainDir)) {
        expect({ file, leaked: leakedForms((await readFile(file)).toString('latin1'), forms) }).toEqual({
          file,
          leaked: [],
        });
      }
      expect(await keychainAccounts()).not.toContain('no-keychain');
    } finally {
      await rm(noKeychainDir, { recursive: true, force: true });
    }
  });
});
