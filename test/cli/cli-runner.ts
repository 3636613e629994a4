/**
 * Runs the BUILT `mailcheck` binary (node bin/mailcheck.js) as a child process, the way people and
 * scripts run it, and builds it first when out/cli/index.js is missing or older than its sources.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = join(__dirname, '..', '..');
const BUILT_CLI = join(REPO_ROOT, 'out', 'cli', 'index.js');
const BIN = join(REPO_ROOT, 'bin', 'mailcheck.js');
const SOURCE_DIRS = ['src/cli', 'src/engine', 'src/shared'].map((d) => join(REPO_ROOT, d));
const BUILD_TIMEOUT_MS = 60_000;
const LOCK_WAIT_MS = 90_000;
const LOCK_POLL_MS = 100;
export const CLI_RUN_TIMEOUT_MS = 20_000;

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? await newestMtime(path) : (await stat(path)).mtimeMs);
  }
  return newest;
}

async function isStale(): Promise<boolean> {
  const built = await stat(BUILT_CLI).catch(() => null);
  if (!built) return true;
  const sources = await Promise.all(SOURCE_DIRS.map((d) => newestMtime(d).catch(() => 0)));
  return Math.max(...sources) > built.mtimeMs;
}

/** Test files run in parallel workers: a directory lock keeps two builds from writing at once. */
export async function ensureCliBuilt(): Promise<void> {
  const lock = join(REPO_ROOT, 'out', '.cli-build-lock');
  await mkdir(join(REPO_ROOT, 'out'), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`could not take ${lock} (stale lock? remove it)`);
      await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
    }
  }
  try {
    if (await isStale()) {
      await promisify(execFile)(process.execPath, ['scripts/build-cli.mjs'], {
        cwd: REPO_ROOT,
        timeout: BUILD_TIMEOUT_MS,
      });
    }
  } finally {
    await rmdir(lock);
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Written to stdin, then stdin is closed. */
  stdin?: string;
  env?: NodeJS.ProcessEnv;
  /** Called once the process runs (e.g. to send it a signal). */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
  timeoutMs?: number;
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? CLI_RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.on('error', () => undefined);
    if (opts.stdin !== undefined) child.stdin.end(opts.stdin);
    else child.stdin.end();
    opts.onSpawn?.(child);
  });
}

/** Parses the single JSON object of a --json run (fails the test with stderr when it is not one). */
export function parseJsonOutput(run: CliRun): Record<string, unknown> {
  try {
    return JSON.parse(run.stdout) as Record<string, unknown>;
  } catch {
    throw new Error(`stdout is not one JSON object (exit ${run.code}); stderr: ${run.stderr}`);
  }
}
