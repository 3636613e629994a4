/**
 * Ctrl-C during a test: the CLI aborts the probe (AbortSignal), prints what it has and exits 130,
 * without waiting for the server's silence to time out.
 * Ctrl-C is sent only once the CLI's connection reached the recorder: the CLI installs its SIGINT
 * handler before the probe starts, so by then the handler is surely there (a fixed delay could
 * fire before it, on a busy machine, and Node's default action would kill the process instead).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCliBuilt, parseJsonOutput, runCli } from './cli-runner';
import { startRecordingServer, type RecordingServer } from './recording-server';

/** The probe would wait this long for a greeting that never comes. */
const PROBE_TIMEOUT_MS = 15_000;

let server: RecordingServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startRecordingServer();
});

afterAll(async () => {
  await server?.close();
});

/** `mailcheck smtp` at the server that never greets, with a timeout far beyond the Ctrl-C. */
function hangingServerArgs(...extra: string[]): string[] {
  const target = ['--host', '127.0.0.1', '--port', String(server.port), '--security', 'none'];
  return ['smtp', ...target, '--timeout', String(PROBE_TIMEOUT_MS), ...extra];
}

/** Sends SIGINT to the CLI once its connection (number `before + 1`) reached the recorder. */
function interruptOnceConnected(): { onSpawn: (child: ChildProcess) => void } {
  const before = server.connections();
  return {
    onSpawn: (child) => {
      void server.connected(before + 1).then(() => child.kill('SIGINT'));
    },
  };
}

describe('Ctrl-C', () => {
  it('cancels the probe cleanly: exit 130, cancelled in the JSON, well before the timeout', async () => {
    const before = server.connections();
    const started = Date.now();
    const run = await runCli(hangingServerArgs('--json'), interruptOnceConnected());
    const elapsed = Date.now() - started;
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(130);
    expect(parseJsonOutput(run)).toMatchObject({ cancelled: true, ok: false });
    // The bound is the behaviour (not waiting for the silence to time out), kept generous.
    expect(elapsed).toBeLessThan(PROBE_TIMEOUT_MS / 2);
    expect(server.connections()).toBe(before + 1);
  });

  it('a cancelled run saves nothing, even with --save', async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'mailcheck-cli-cancel-'));
    try {
      const run = await runCli(hangingServerArgs('--save', 'interrupted'), {
        env: { MAILCHECK_CONFIG_DIR: configDir },
        ...interruptOnceConnected(),
      });
      expect(run.code, run.stderr).toBe(130);
      expect(run.stdout).toMatch(/Test cancelled/);
      expect(run.stdout).not.toMatch(/saved/);
      expect(await readdir(configDir)).toEqual([]);
    } finally {
      await rm(configDir, { recursive: true, force: true });
    }
  });
});
