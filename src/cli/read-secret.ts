/**
 * Reads a secret (password) from standard input: the first line, trailing newline stripped.
 * Never from argv (other users can read a process's arguments) and never echoed. On a terminal the
 * echo is switched off while the user types; from a pipe the first line is taken as is.
 */
import type { CliIo } from './cli-io';

/** A pipe that never sends a line nor closes must not hang the CLI forever. */
const STDIN_SECRET_TIMEOUT_MS = 30_000;

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

type Stdin = CliIo['stdin'];

export class SecretInputCancelled extends Error {
  constructor() {
    super('cancelled while reading the password');
    this.name = 'SecretInputCancelled';
  }
}

/** Resolves to the first line, or null when stdin is empty/closed/silent (the caller reports it). */
export function readSecretLine(
  stdin: Stdin,
  io: { stderr: NodeJS.WritableStream; prompt: string },
): Promise<string | null> {
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') return readFromTerminal(stdin, io);
  return readFromPipe(stdin, STDIN_SECRET_TIMEOUT_MS);
}

function readFromPipe(stdin: Stdin, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (complete: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      stdin.removeListener('data', onData);
      stdin.removeListener('end', onEnd);
      stdin.removeListener('error', onEnd);
      stdin.pause();
      if (!complete) return resolve(null);
      const text = Buffer.concat(chunks).toString('utf8');
      const firstLine = text.split('\n', 1)[0] ?? '';
      const line = firstLine.endsWith('\r') ? firstLine.slice(0, -1) : firstLine;
      resolve(line.length > 0 ? line : null);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buffer);
      if (buffer.includes(0x0a)) finish(true);
    };
    const onEnd = (): void => finish(true);
    const timer = setTimeout(() => finish(false), timeoutMs);
    timer.unref();
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onEnd);
    stdin.resume();
  });
}

function readFromTerminal(
  stdin: Stdin,
  io: { stderr: NodeJS.WritableStream; prompt: string },
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let typed = '';
    // Echo off BEFORE the prompt shows: nothing typed after it can be echoed, and Ctrl-C is a
    // keystroke from then on (handled below), never a SIGINT that would kill the process.
    stdin.setRawMode?.(true);
    io.stderr.write(io.prompt);
    stdin.setEncoding('utf8');
    const finish = (): void => {
      stdin.setRawMode?.(false);
      stdin.removeListener('data', onData);
      stdin.pause();
      io.stderr.write('\n');
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of chunk.toString()) {
        if (char === CTRL_C) {
          finish();
          reject(new SecretInputCancelled());
          return;
        }
        if (char === '\r' || char === '\n' || char === CTRL_D) {
          finish();
          resolve(typed.length > 0 ? typed : null);
          return;
        }
        if (BACKSPACES.has(char)) typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}
