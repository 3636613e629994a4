/**
 * `--password-stdin` on a real terminal: the built CLI runs under `script` (util-linux), which
 * gives it a pseudo-terminal. What is typed is not echoed, and Ctrl-C at the prompt (a keystroke
 * in raw mode, not a SIGINT) cancels like Ctrl-C during a test: exit 130, no "internal error",
 * nothing sent to the server.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_RUN_TIMEOUT_MS, ensureCliBuilt, REPO_ROOT } from './cli-runner';
import { startRecordingServer, type RecordingServer } from './recording-server';

const TYPED_BEFORE_CTRL_C = 'typed-but-never-shown';
const CTRL_C = '\u0003';

let server: RecordingServer;

beforeAll(async () => {
  await ensureCliBuilt();
  server = await startRecordingServer();
});

afterAll(async () => {
  await server?.close();
});

/** Runs the CLI on a pseudo-terminal, types `keys` once the prompt shows; resolves with what the terminal showed. */
function runOnTerminal(args: string[], keys: string): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, 'bin/mailcheck.js', ...args].join(' ');
  return new Promise((resolve, reject) => {
    // -e: exit with the CLI's code; -f: flush at once; -q: no "Script started" lines.
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      cwd: REPO_ROOT,
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    let typed = false;
    const onOutput = (data: Buffer): void => {
      screen += data.toString();
      if (!typed && screen.includes('Password: ')) {
        typed = true;
        child.stdin.write(keys);
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, screen });
    });
  });
}

describe('password prompt on a terminal', () => {
  it('Ctrl-C at the prompt: exit 130, nothing echoed, no internal error, nothing sent', async () => {
    const args = ['smtp', '--host', '127.0.0.1', '--port', String(server.port), '--security', 'none'];
    const run = await runOnTerminal(
      [...args, '--user', 'me@example.com', '--password-stdin'],
      `${TYPED_BEFORE_CTRL_C}${CTRL_C}`,
    );
    expect(run.code, run.screen).toBe(130);
    expect(run.screen).toContain('Password: ');
    expect(run.screen).not.toContain(TYPED_BEFORE_CTRL_C);
    expect(run.screen).not.toMatch(/internal error/);
    expect(server.connections()).toBe(0);
  });
});
