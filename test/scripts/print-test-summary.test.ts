/**
 * scripts/print-test-summary.mjs prints the line CI reads. It is fed here with the JSON of a real
 * vitest run over test/fixtures/summary-project, whose files fail the ways a suite can fail without
 * a failing test (a throwing beforeAll, a file that cannot load, a throwing afterAll).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = join(__dirname, '..', '..');
const PROJECT = join(REPO_ROOT, 'test', 'fixtures', 'summary-project');
const VITEST = join(REPO_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const SUMMARY = join(REPO_ROOT, 'scripts', 'print-test-summary.mjs');

interface Run {
  code: number;
  stdout: string;
}

async function run(file: string, args: string[]): Promise<Run> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [file, ...args], {
      cwd: REPO_ROOT,
      timeout: 60_000,
    });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string };
    if (typeof e.code !== 'number') throw error;
    return { code: e.code, stdout: e.stdout ?? '' };
  }
}

let dir: string;
let summary: Run;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-summary-'));
  const json = join(dir, 'vitest.json');
  const vitest = await run(VITEST, [
    'run',
    '--root',
    PROJECT,
    '--reporter=json',
    `--outputFile.json=${json}`,
  ]);
  expect(vitest.code).toBe(1);
  summary = await run(SUMMARY, [json]);
}, 90_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('print-test-summary', () => {
  it('counts tests stopped by a failed beforeAll, a file that cannot load and a failed afterAll as failures', () => {
    const last = summary.stdout.trim().split('\n').at(-1);
    // 2 passed ("adds", "passes before the clean-up"); failed: the 2 tests of the failed beforeAll,
    // the file that could not load, the file whose afterAll threw; the one it.skip stays a skip.
    expect(last).toBe('tests: 2 passed, 4 failed, 1 skipped');
    expect(summary.code).toBe(1);
  });

  it('names the tests that did not run and each failed file with its error', () => {
    const lines = summary.stdout.trim().split('\n');
    expect(lines).toContain('skipped: is skipped on purpose');
    expect(lines).toContain('not run (its file failed): stores a password');
    expect(lines).toContain('not run (its file failed): reads it back');
    expect(lines).toContain(
      'failed file: test/fixtures/summary-project/hook-fails.case.ts: no keyring in this session',
    );
    expect(lines).toContain(
      'failed file: test/fixtures/summary-project/load-fails.case.ts: cannot load this file',
    );
    expect(lines).toContain(
      'failed file: test/fixtures/summary-project/after-fails.case.ts: server did not close',
    );
  });
});
