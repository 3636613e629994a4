/**
 * scripts/print-test-summary.mjs prints the line CI reads. It is fed here with the JSON of a real
 * vitest run over test/fixtures/summary-project, whose files fail the ways a suite can fail without
 * a failing test (a throwing beforeAll, a file that cannot load, a throwing afterAll).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
      env: { ...process.env, SUMMARY_PROJECT_CACHE_DIR: join(dir, 'vite-cache') },
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
/** vitest's JSON report of the whole fixture project. */
let allJson: string;
let summary: Run;
/** The summary of a run of unhandled.case.ts alone, given vitest's exit code, and without it. */
let unhandled: { withCode: Run; withoutCode: Run };

/** Runs vitest on the fixture project (optionally only files matching `filter`): its JSON and exit code. */
async function vitestRun(name: string, filter: string[] = []): Promise<{ json: string; code: number }> {
  const json = join(dir, `${name}.json`);
  const vitest = await run(VITEST, [
    'run',
    '--root',
    PROJECT,
    // Nothing written into the repository: the config is loaded as is (no bundled copy in
    // node_modules/.vite-temp) and Vite's cache goes to the test's temporary folder.
    '--configLoader',
    'native',
    '--reporter=json',
    `--outputFile.json=${json}`,
    ...filter,
  ]);
  return { json, code: vitest.code };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-summary-'));
  const all = await vitestRun('all');
  allJson = all.json;
  expect(all.code).toBe(1);
  summary = await run(SUMMARY, [all.json, String(all.code)]);
  const alone = await vitestRun('unhandled', ['unhandled']);
  expect(alone.code).toBe(1);
  unhandled = {
    withCode: await run(SUMMARY, [alone.json, String(alone.code)]),
    withoutCode: await run(SUMMARY, [alone.json]),
  };
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('print-test-summary', () => {
  it('counts tests stopped by a failed beforeAll, a file that cannot load and a failed afterAll as failures', () => {
    const last = summary.stdout.trim().split('\n').at(-1);
    // 3 passed ("adds", "passes before the clean-up", the unhandled-rejection one); failed: the 2
    // tests of the failed beforeAll, the file that could not load, the file whose afterAll threw.
    expect(last).toBe('tests: 3 passed, 4 failed, 0 skipped');
    expect(summary.code).toBe(1);
  });

  it('names the tests that did not run and each failed file with its error', () => {
    const lines = summary.stdout.trim().split('\n');
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

  it('lists a skipped test by name and never counts it as passed', async () => {
    // The run's own JSON with the passing "adds" turned into a skip (the fixture holds no skipped
    // test: a skip in a healthy file is what this line must make visible, not hide).
    const report = JSON.parse(await readFile(allJson, 'utf8')) as {
      numPassedTests: number;
      testResults: Array<{ status: string; assertionResults: Array<{ fullName: string; status: string }> }>;
    };
    const adds = report.testResults
      .flatMap((file) => file.assertionResults)
      .find((t) => t.fullName === 'adds');
    expect(adds?.status).toBe('passed');
    adds!.status = 'skipped';
    report.numPassedTests -= 1;
    const edited = join(dir, 'skipped.json');
    await writeFile(edited, JSON.stringify(report));
    const result = await run(SUMMARY, [edited, '1']);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain('skipped: adds');
    expect(lines.at(-1)).toBe('tests: 2 passed, 4 failed, 1 skipped');
  });

  it('counts an error outside any test (vitest exit code 1, a JSON without failures) as a failure', () => {
    expect(unhandled.withCode.stdout.trim().split('\n')).toEqual([
      'failed run: vitest exited with 1 outside any test (unhandled errors, see above)',
      'tests: 1 passed, 1 failed, 0 skipped',
    ]);
    expect(unhandled.withCode.code).toBe(1);
    // Without the exit code the JSON alone cannot tell (why scripts/test.sh passes it).
    expect(unhandled.withoutCode.stdout.trim()).toBe('tests: 1 passed, 0 failed, 0 skipped');
  });
});
