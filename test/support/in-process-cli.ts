/**
 * Runs `mailcheck smtp` in this process (the same smtpCommand the binary runs), with stdin given as
 * text and stdout/stderr collected: fast enough for property tests that need hundreds of runs.
 * Tests of process behaviour (exit timing, signals) use the built binary instead (test/cli/cli-runner.ts).
 */
import { Readable, Writable } from 'node:stream';
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
  opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<InProcessRun> {
  const stdout = collector();
  const stderr = collector();
  const io: CliIo = {
    stdin: Readable.from(opts.stdin === undefined ? [] : [Buffer.from(opts.stdin)]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { LANG: 'C.UTF-8', ...opts.env },
  };
  const code = await smtpCommand(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
