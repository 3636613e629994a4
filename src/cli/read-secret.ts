/**
 * Reads a secret (password) from standard input: the first line, trailing newline stripped.
 * Never from argv (other users can read a process's arguments) and never echoed. On a terminal the
 * echo is switched off while the user types; from a pipe the first line is taken as is.
 */
import type { CliIo } from './cli-io';

/**
 * A pipe that never sends a line nor closes must not hang the CLI forever. Generous, because a
 * password manager in the pipe (`pass show … |`) may first ask for its own passphrase.
 */
export const STDIN_SECRET_TIMEOUT_MS = 30_000;

const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACES = new Set(['\u007f', '\b']);

type Stdin = CliIo['stdin'];

/** Nothing arrived on a piped stdin in time: the caller says so (not "held no password"). */
export class SecretInputTimedOut extends Error {
  constructor(readonly afterMs: number) {
    super('nothing arrived on standard input in time');
    this.name = 'SecretInputTimedOut';
  }
}

export class SecretInputCancelled extends Error {
  constructor() {
    super('cancelled while reading the password');
    this.name = 'SecretInputCancelled';
  }
}

/**
 * Resolves to the first line, or null when stdin is empty or closed; rejects with
 * SecretInputTimedOut when a pipe stays silent (the caller reports either).
 */
export function readSecretLine(
  stdin: Stdin,
  io: { stderr: NodeJS.WritableStream; prompt: string; timeoutMs?: number },
): Promise<string | null> {
  if (stdin.isTTY && typeof stdin.setRawMode === 'function') return readFromTerminal(stdin, io);
  return readFromPipe(stdin, io.timeoutMs ?? STDIN_SECRET_TIMEOUT_MS);
}

function readFromPipe(stdin: Stdin, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
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
      if (!complete) return reject(new SecretInputTimedOut(timeoutMs));
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
