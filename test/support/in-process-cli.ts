/**
 * Runs `mailcheck smtp` in this process (the same smtpCommand the binary runs), with stdin given as
 * text and stdout/stderr collected: fast enough for property tests that need hundreds of runs.
 * Tests of process behaviour (exit timing, signals) use the built binary instead (test/cli/cli-runner.ts).
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { smtpCommand } from '../../src/cli/smtp-command';
import type { CliIo } from '../../src/cli/cli-io';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collector(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

export async function runSmtpInProcess(
  args: string[],
  opts: { stdin?: string | 'silent'; env?: NodeJS.ProcessEnv; stdinTimeoutMs?: number } = {},
): Promise<InProcessRun> {
  const stdout = collector();
  const stderr = collector();
  // 'silent': a pipe that stays open and never sends a byte.
  const stdin =
    opts.stdin === 'silent'
      ? new PassThrough()
      : Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]);
  const io: CliIo = {
    stdin,
    stdinTimeoutMs: opts.stdinTimeoutMs,
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { LANG: 'C.UTF-8', ...opts.env },
  };
  const code = await smtpCommand(args, io);
  if (stdin instanceof PassThrough) stdin.destroy();
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
