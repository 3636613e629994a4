/**
 * bin/code-cache.js, on a private copy of the built bundle (so the shared out/cli is untouched):
 * a run writes the V8 cache of its command and a later run uses it with the same output; a damaged
 * cache only costs speed (V8 rejects it, the run is unchanged, the cache is rewritten); `smtp`
 * keeps a cache only after a run that reached a server, never after --help or a usage error.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_RUN_TIMEOUT_MS, ensureCliBuilt, REPO_ROOT } from './cli-runner';

const CODE_CACHE = join(REPO_ROOT, 'bin', 'code-cache.js');

let dir: string;
let bundle: string;
/** What bin/mailcheck.js does, for the private bundle. */
let launcher: string;

beforeAll(async () => {
  await ensureCliBuilt();
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-code-cache-'));
  bundle = join(dir, 'index.js');
  await copyFile(join(REPO_ROOT, 'out', 'cli', 'index.js'), bundle);
  launcher = join(dir, 'launcher.js');
  await writeFile(
    launcher,
    `require(${JSON.stringify(CODE_CACHE)}).loadWithCodeCache(${JSON.stringify(bundle)}, process.argv.slice(2));\n`,
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs the private bundle through the loader, as `mailcheck ARGS` would. */
function run(args: string[]): Promise<{ code: number; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  delete env.MAILCHECK_NO_CODE_CACHE;
  return new Promise((resolve) => {
    execFile(process.execPath, [launcher, ...args], { env, timeout: CLI_RUN_TIMEOUT_MS }, (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    );
  });
}

async function cachesOf(command: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith(`.${command}.v8cache`));
}

/** A loopback port nobody listens on: a test there is refused, so it ends with exit 1. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

describe('the V8 code cache of the CLI', () => {
  it('a run writes its cache; the next run uses it and prints the same', async () => {
    const first = await run(['--version']);
    expect(first.code).toBe(0);
    const caches = await cachesOf('other');
    expect(caches).toHaveLength(1);
    const cache = join(dir, caches[0] ?? 'missing');
    const written = await readFile(cache);
    const second = await run(['--version']);
    expect(second).toEqual(first);
    // Accepted by V8, so not written again.
    expect((await readFile(cache)).equals(written)).toBe(true);
  });

  it('a damaged cache changes nothing but speed: same output, and it is rewritten', async () => {
    const [name] = await cachesOf('other');
    const file = join(dir, name ?? 'missing');
    const garbage = Buffer.from('not a V8 code cache '.repeat(100));
    await writeFile(file, garbage);
    const damaged = await run(['--version']);
    expect(damaged.code).toBe(0);
    expect(damaged.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await readFile(file)).equals(garbage)).toBe(false);
  });

  it('smtp keeps no cache after --help or a usage error, and keeps one after a test that ran', async () => {
    expect((await run(['smtp', '--help'])).code).toBe(0);
    expect((await run(['smtp', '--port', '0'])).code).toBe(2);
    expect(await cachesOf('smtp')).toEqual([]);
    const port = await closedPort();
    const tested = await run(['smtp', '--host', '127.0.0.1', '--port', String(port), '--security', 'none']);
    expect(tested.code).toBe(1);
    expect(await cachesOf('smtp')).toHaveLength(1);
  });
});
