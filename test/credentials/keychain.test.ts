/**
 * Against the REAL Secret Service: run inside scripts/with-keyring.sh (npm test does), e.g.
 *   bash scripts/with-keyring.sh npx vitest run test/credentials
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSameSecret } from './expect-secret';
import {
  KEYCHAIN_SERVICE,
  KeychainUnavailableError,
  SECRET_MAX_LENGTH,
  createKeychainStore,
} from '../../src/engine/credentials';

const execFileAsync = promisify(execFile);
const store = createKeychainStore();
// Unique per run, so a reused keyring cannot make a test pass by accident.
const RUN = `t${process.pid}-${Date.now()}`;
const created = new Set<string>();
const name = (base: string): string => {
  const n = `${base}-${RUN}`;
  created.add(n);
  return n;
};

beforeAll(async () => {
  const status = await store.status();
  if (!status.available) {
    throw new Error(`No Secret Service: run these tests inside scripts/with-keyring.sh (${status.reason})`);
  }
});
afterAll(async () => {
  for (const n of created) await store.delete(n).catch(() => undefined);
});

describe('keychain store (real Secret Service)', () => {
  it('reports the keychain as available', async () => {
    expect(await store.status()).toEqual({ available: true });
  });

  it('saves, reads, lists and deletes a password', async () => {
    const profile = name('Work');
    expect(await store.read(profile)).toBeNull();
    await store.save(profile, 'correct horse battery staple');
    expectSameSecret(await store.read(profile), 'correct horse battery staple');
    expect(await store.read(profile, 'oauth-refresh')).toBeNull();
    expect(await store.list()).toContain(profile);
    await store.save(profile, 'changed');
    expectSameSecret(await store.read(profile), 'changed');
    await store.delete(profile);
    expect(await store.read(profile)).toBeNull();
    expect(await store.list()).not.toContain(profile);
  });

  it('keeps the two kinds apart, lists the profile once, and delete removes both', async () => {
    const profile = name('Outlook');
    await store.save(profile, 'app-password-value', 'password');
    await store.save(profile, 'refresh-token-value', 'oauth-refresh');
    expectSameSecret(await store.read(profile, 'password'), 'app-password-value');
    expectSameSecret(await store.read(profile, 'oauth-refresh'), 'refresh-token-value');
    expect((await store.list()).filter((n) => n === profile)).toHaveLength(1);
    await store.delete(profile);
    expect(await store.read(profile, 'password')).toBeNull();
    expect(await store.read(profile, 'oauth-refresh')).toBeNull();
  });

  it('round-trips unicode names and secrets, and long secrets', async () => {
    const profile = name('Posta di Zoë ✉️ 日本');
    const unicode = 'pàsswörd-🔑-密码-\u00a0end';
    await store.save(profile, unicode);
    expectSameSecret(await store.read(profile), unicode);
    const long = 'L'.repeat(SECRET_MAX_LENGTH - 10) + '-tail';
    await store.save(profile, long, 'oauth-refresh');
    expectSameSecret(await store.read(profile, 'oauth-refresh'), long);
    await expect(store.save(profile, 'x'.repeat(SECRET_MAX_LENGTH + 1))).rejects.toThrow(/longer than/);
    await expect(store.save(profile, '')).rejects.toThrow(/empty secret/);
  });

  it('stores items that secret-tool sees under service "Mailcheck"', async () => {
    const profile = name('Visible');
    await store.save(profile, 'seen-by-secret-tool');
    // secret-tool prints the attributes on stderr and the secret on stdout.
    const { stdout, stderr } = await execFileAsync(
      'secret-tool',
      ['search', '--all', 'service', KEYCHAIN_SERVICE],
      { timeout: 10_000 },
    );
    expect(stderr).toContain(`attribute.account = ${profile}`);
    // stdout holds secrets: compared without printing it.
    expect(stdout.includes('secret = seen-by-secret-tool')).toBe(true);
    const { stdout: secret } = await execFileAsync(
      'secret-tool',
      ['lookup', 'service', KEYCHAIN_SERVICE, 'account', profile],
      { timeout: 10_000 },
    );
    expectSameSecret(secret, 'seen-by-secret-tool');
  });

  it('turns a keychain library that cannot load into KeychainUnavailableError', async () => {
    const broken = createKeychainStore({
      loadKeytar: () => import('./no-such-native-module-' + RUN) as never,
    });
    const error = await broken.save('x', 'secret-never-shown').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as Error).message).toMatch(/^Mailcheck's keychain component could not be loaded/);
    expect((error as KeychainUnavailableError).messageIt).toMatch(
      /^Non è stato possibile caricare il componente/,
    );
    expect((error as Error).message).not.toContain('secret-never-shown');
    expect(await broken.status()).toEqual({
      available: false,
      reason: (error as Error).message,
      reasonIt: (error as KeychainUnavailableError).messageIt,
    });
  });

  it('says in plain words, in both languages, why the keychain cannot be used', async () => {
    // What libsecret and D-Bus really answer in each case.
    const cases = [
      ['Could not connect: No such file or directory', /^No keychain is available/, /^Nessun portachiavi/],
      ['Cannot autolaunch D-Bus without X11 $DISPLAY', /^No keychain is available/, /^Nessun portachiavi/],
      [
        'Cannot create an item in a locked collection',
        /^The keychain is locked/,
        /^Il portachiavi è bloccato/,
      ],
      ['Unexpected failure 42', /^The system keychain refused the request/, /^Il portachiavi del sistema/],
    ] as const;
    for (const [said, en, it] of cases) {
      const store = createKeychainStore({ loadKeytar: () => Promise.reject(new Error(said)) });
      const status = await store.status();
      expect(status, said).toMatchObject({ available: false, reason: expect.stringMatching(en) });
      expect(status.available === false && status.reasonIt, said).toMatch(it);
      // The library's words stay in the English text, for support; the Italian one is all Italian.
      expect(status.available === false && status.reason, said).toContain(`(${said})`);
    }
  });

  it('deletes one kind of secret, or every kind', async () => {
    const profile = name('Kinds');
    await store.save(profile, 'the password');
    await store.save(profile, 'the refresh token', 'oauth-refresh');
    await store.delete(profile, 'oauth-refresh');
    expectSameSecret(await store.read(profile), 'the password');
    expect(await store.read(profile, 'oauth-refresh')).toBeNull();
    await store.save(profile, 'the refresh token', 'oauth-refresh');
    await store.delete(profile);
    expect(await store.read(profile)).toBeNull();
    expect(await store.read(profile, 'oauth-refresh')).toBeNull();
    expect(await store.list()).not.toContain(profile);
  });

  it('bounds a call that never answers (a locked keyring waiting on its prompt)', async () => {
    const hanging = createKeychainStore({
      timeoutMs: 200,
      loadKeytar: async () => ({
        setPassword: () => new Promise<void>(() => undefined),
        getPassword: () => new Promise<null>(() => undefined),
        deletePassword: () => new Promise<boolean>(() => undefined),
        findCredentials: () => new Promise<[]>(() => undefined),
      }),
    });
    const started = Date.now();
    await expect(hanging.read('x')).rejects.toThrow(/did not answer within/);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await hanging.status()).available).toBe(false);
  });
});

describe('without a Secret Service', () => {
  let home: string;
  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'mailcheck-nokeychain-'));
  });
  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  async function filesUnder(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) out.push(...(await filesUnder(path)));
      else if ((await stat(path)).isFile()) out.push(path);
    }
    return out;
  }

  it('fails with a clear KeychainUnavailableError and writes the secret nowhere', async () => {
    const secret = `NoFallbackSecret-${RUN}`;
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      TMPDIR: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      XDG_DATA_HOME: join(home, '.local/share'),
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_RUNTIME_DIR: home,
      MAILCHECK_CONFIG_DIR: join(home, 'config'),
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(home, 'no-such-bus')}`,
    };
    const child = spawn(
      process.execPath,
      // tsx by absolute path: the child runs in the empty temp folder.
      [
        '--import',
        pathToFileURL(createRequire(__filename).resolve('tsx')).href,
        join(__dirname, 'no-keychain-child.ts'),
      ],
      { env, cwd: home, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(secret);
    const code = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error('child did not finish'));
      }, 25_000);
      child.once('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(code, stderr).toBe(0);
    const outcome = JSON.parse(stdout);
    expect(outcome.saved).toBeUndefined();
    expect(outcome.isKeychainUnavailable).toBe(true);
    expect(outcome.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(outcome.message).toMatch(
      /No keychain is available: on Linux, a Secret Service such as GNOME Keyring/,
    );
    expect(outcome.messageIt).toMatch(/Nessun portachiavi disponibile/);
    expect(outcome.status).toEqual({
      available: false,
      reason: outcome.message,
      reasonIt: outcome.messageIt,
    });
    expect(stdout + stderr).not.toContain(secret);

    const base64 = Buffer.from(secret).toString('base64');
    for (const file of await filesUnder(home)) {
      const content = await readFile(file, 'latin1');
      expect(content.includes(secret) || content.includes(base64), file).toBe(false);
    }
  });
});
