/**
 * The BUILT CLI (`mailcheck imap`, `mailcheck pop3`) against the real Dovecot: exit codes, the JSON
 * object (the shape of `mailcheck smtp` plus `protocol`), the human text, usage errors, Ctrl-C,
 * and --save / --profile with an incoming server. No output holds any form of the password.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/shared/profile-types';
import { ensureCliBuilt, parseJsonOutput, runCli, type CliRun } from '../cli/cli-runner';
import { leakedForms, secretForms } from '../support/secret-forms';
import { MAILBOX_MESSAGES, MAILBOX_UNSEEN, startDovecot, type RunningDovecot } from '../mta/dovecot';

let dovecot: RunningDovecot;
let configDir: string;
const outputs: string[] = [];

beforeAll(async () => {
  configDir = await mkdtemp(join(tmpdir(), 'mailcheck-cli-receive-'));
  await Promise.all([ensureCliBuilt(), startDovecot().then((d) => (dovecot = d))]);
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await dovecot?.dumpLog();
});
afterAll(async () => {
  await dovecot?.stop();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

async function cli(args: string[], password = dovecot.password): Promise<CliRun> {
  const run = await runCli(args, { stdin: `${password}\n`, env: { MAILCHECK_CONFIG_DIR: configDir } });
  outputs.push(run.stdout + run.stderr);
  expect(leakedForms(run.stdout + run.stderr, secretForms(dovecot.password, dovecot.user))).toEqual([]);
  return run;
}

const login = () => ['--user', dovecot.user, '--password-stdin', '--ca', dovecot.caFile, '--timeout', '5000'];
const host = () => ['--host', dovecot.host];

describe('mailcheck imap / pop3 × Dovecot', () => {
  it('imap over SSL/TLS: exit 0, the JSON of smtp plus protocol, the mailbox counted', async () => {
    const run = await cli([
      'imap',
      ...host(),
      '--port',
      String(dovecot.imapsPort),
      '--security',
      'tls',
      ...login(),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJsonOutput(run);
    expect(json).toMatchObject({ protocol: 'imap', ok: true, cancelled: false, diagnosis: null });
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['steps', 'transcript', 'server', 'tls', 'request', 'startedAt', 'totalMs']),
    );
    const steps = json.steps as Array<{ id: string; status: string; summary: string }>;
    expect(steps.map((s) => s.id)).toEqual([
      'dns',
      'tcp',
      'greeting',
      'capabilities',
      'tls',
      'auth',
      'mailbox',
    ]);
    expect(steps.find((s) => s.id === 'mailbox')?.summary).toBe(
      `INBOX: ${MAILBOX_MESSAGES} messages, ${MAILBOX_UNSEEN} unread`,
    );
  });

  it('pop3 with STLS, in Italian text: exit 0, the mailbox line', async () => {
    const run = await cli([
      'pop3',
      ...host(),
      '--port',
      String(dovecot.pop3Port),
      '--security',
      'starttls',
      ...login(),
      '--lang',
      'it',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Verifica di POP3 127.0.0.1:${dovecot.pop3Port} (starttls)`);
    expect(run.stdout).toMatch(new RegExp(`casella .*${MAILBOX_MESSAGES} messaggi, \\d+ byte`));
    expect(run.stdout).toContain('Tutti i passaggi sono riusciti.');
  });

  it('a wrong password: exit 1, auth.rejected in the JSON', async () => {
    const run = await cli(
      ['imap', ...host(), '--port', String(dovecot.imapPort), ...login(), '--json'],
      'wrong-pw-123',
    );
    expect(run.code).toBe(1);
    expect(parseJsonOutput(run).diagnosis).toMatchObject({ id: 'auth.rejected', step: 'auth' });
  });

  it('plaintext refused by the server: exit 1, auth.starttls-required, with the words of receiving', async () => {
    const run = await cli([
      'pop3',
      '--host',
      dovecot.remoteHost,
      '--port',
      String(dovecot.pop3RemotePort),
      '--security',
      'none',
      '--allow-plaintext-auth',
      ...login(),
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[auth.starttls-required]');
    expect(run.stdout).toMatch(/995.*110/);
  });

  it.each([
    [['--from', 'a@example.it', '--to', 'b@example.it'], 'from'],
    [['--port', '0'], 'port'],
    [['--security', 'ssl'], 'security'],
    [['--bogus'], 'argv'],
  ])('bad usage %j: exit 2, nothing sent', async (extra, field) => {
    const run = await cli(['imap', ...host(), '--port', String(dovecot.imapPort), ...extra, '--json']);
    expect(run.code).toBe(2);
    expect(parseJsonOutput(run)).toMatchObject({ ok: false, error: { kind: 'usage', field } });
  });

  it('Ctrl-C while the server is silent: exit 130', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    try {
      const run = await runCli(
        ['pop3', '--host', '127.0.0.1', '--port', String(port), '--security', 'none', '--timeout', '20000'],
        {
          onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 1500),
        },
      );
      expect(run.code).toBe(130);
      expect(run.stdout).toMatch(/cancelled/);
    } finally {
      silent.close();
    }
  });

  describe('profiles', () => {
    const file = () => join(configDir, 'profiles.json');
    const base: Profile = {
      name: 'home',
      host: 'smtp.example.invalid',
      port: 587,
      security: 'starttls',
      user: 'reader@localhost',
      authMethod: 'password',
      updatedAt: '2026-12-01T00:00:00.000Z',
    };

    it('--save needs an existing profile: exit 2 before anything is sent', async () => {
      const run = await cli([
        'imap',
        ...host(),
        '--port',
        String(dovecot.imapsPort),
        ...login(),
        '--save',
        'nobody',
        '--json',
      ]);
      expect(run.code).toBe(2);
      expect(parseJsonOutput(run)).toMatchObject({ error: { field: 'save' } });
    });

    it('--save stores the incoming server in the profile; --profile tests it without --host', async () => {
      await writeFile(file(), JSON.stringify({ format: 1, profiles: [base] }));
      const saved = await cli([
        'pop3',
        ...host(),
        '--port',
        String(dovecot.pop3sPort),
        '--security',
        'tls',
        ...login(),
        '--save',
        'home',
        '--json',
      ]);
      expect(saved.code, saved.stderr).toBe(0);
      expect(parseJsonOutput(saved).saved).toMatchObject({
        profile: 'home',
        settingsSaved: true,
        passwordInKeychain: false,
      });
      const stored = JSON.parse(await readFile(file(), 'utf8')) as { profiles: Profile[] };
      const profile = stored.profiles.find((p) => p.name === 'home')!;
      expect(profile.incoming).toEqual({
        protocol: 'pop3',
        host: '127.0.0.1',
        port: dovecot.pop3sPort,
        security: 'tls',
      });
      // The sending side is untouched.
      expect(profile).toMatchObject({
        host: base.host,
        port: 587,
        security: 'starttls',
        caFile: dovecot.caFile,
      });

      const reused = await cli(['pop3', '--profile', 'home', '--password-stdin', '--json']);
      expect(reused.code, reused.stderr).toBe(0);
      expect(parseJsonOutput(reused).request).toMatchObject({
        host: '127.0.0.1',
        port: dovecot.pop3sPort,
        security: 'tls',
      });

      const shown = await cli(['profiles', 'show', 'home']);
      expect(shown.stdout).toMatch(
        new RegExp(`Incoming +pop3 127\\.0\\.0\\.1:${dovecot.pop3sPort} \\(tls\\)`),
      );

      // Another protocol does not take POP3's server: it needs --host.
      const imap = await cli(['imap', '--profile', 'home', '--password-stdin', '--json']);
      expect(imap.code).toBe(2);
      expect(parseJsonOutput(imap)).toMatchObject({ error: { field: 'host' } });
    });
  });
});

it('no output of any run, and no file of the config folder, holds any form of the password', async () => {
  expect(outputs.length).toBeGreaterThan(8);
  expect(leakedForms(outputs.join('\n'), secretForms(dovecot.password, dovecot.user))).toEqual([]);
  const { readdir } = await import('node:fs/promises');
  for (const name of await readdir(configDir)) {
    const text = await readFile(join(configDir, name), 'utf8');
    expect(leakedForms(text, secretForms(dovecot.password, dovecot.user)), name).toEqual([]);
  }
});
