/**
 * One text connection to the server, for line-based protocols (IMAP, POP3): read a line, read a
 * counted block (IMAP literals), send a command, switch to TLS in place (STARTTLS / STLS).
 *
 * Hostile peers are expected: every read goes through the runner's `wait` (timed, cancellable), a
 * line longer than MAX_LINE_BYTES is refused instead of buffered, and what reaches the transcript
 * is clipped. Commands are logged in the form the caller says is safe to show (`shown`): redaction
 * by construction, with the redactor behind it for anything a server echoes back.
 */
import type net from 'node:net';
import tls from 'node:tls';
import type { RunContext } from './context';
import { KEPT_LINE_CHARS, MAX_LINE_BYTES } from './constants';
import { ProtocolViolation } from './errors';
import { tlsOptions } from '../probe/tls-inspect';

const closedError = (): Error =>
  Object.assign(new Error('The server closed the connection'), { code: 'ECONNCLOSED' });

const isControl = (code: number): boolean => (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f);

/** Printable text of a server line: control characters never reach a terminal or the window. */
export function printable(line: string): string {
  const clipped = line.length > KEPT_LINE_CHARS ? line.slice(0, KEPT_LINE_CHARS) : line;
  // Tabs stay; every other C0/C1 control character (escape sequences, NUL…) becomes "?".
  return [...clipped].map((c) => (isControl(c.charCodeAt(0)) ? '?' : c)).join('');
}

export class LineConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | null = null;
  private waiter: (() => void) | null = null;
  private readonly onData = (chunk: Buffer): void => {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    this.wake();
  };
  private readonly onError = (err: Error): void => {
    this.failure ??= err;
    this.wake();
  };
  private readonly onClose = (): void => {
    this.failure ??= closedError();
    this.wake();
  };

  constructor(
    private socket: net.Socket,
    private readonly ctx: RunContext,
  ) {
    this.attach(socket);
  }

  /** The socket in use (the TLS socket after an upgrade). */
  get current(): net.Socket {
    return this.socket;
  }

  get secure(): boolean {
    return this.socket instanceof tls.TLSSocket;
  }

  /** Reads one line (without CR LF), as latin1 text so that no byte is lost or rejected. */
  async readLine(): Promise<string> {
    const line = await this.ctx.wait(this.next(() => this.takeLine()));
    this.ctx.transcript.server(printable(line));
    return line;
  }

  /** Reads exactly `size` bytes (an IMAP literal); the caller has bounded `size`. */
  async readBytes(size: number): Promise<string> {
    const bytes = await this.ctx.wait(
      this.next(() => {
        if (this.buffer.length < size) return null;
        const taken = this.buffer.subarray(0, size);
        this.buffer = this.buffer.subarray(size);
        return taken.toString('latin1');
      }),
    );
    this.ctx.transcript.server(printable(bytes));
    return bytes;
  }

  /** Sends one command line; the transcript shows `shown` (a redacted form) instead when given. */
  send(line: string, shown = line): void {
    this.ctx.transcript.client(shown);
    this.socket.write(`${line}\r\n`);
  }

  /** Sends a line without logging it (the caller logged a safe form already). */
  sendQuietly(line: string): void {
    this.socket.write(`${line}\r\n`);
  }

  /**
   * Starts TLS on this connection (after the server's go-ahead to STARTTLS / STLS). Anything the
   * server sent before the handshake is thrown away: a man in the middle could have injected it.
   */
  async upgrade(host: string, caPem: string | undefined): Promise<tls.TLSSocket> {
    if (this.buffer.length) {
      this.ctx.transcript.info(`Ignored ${this.buffer.length} bytes sent before the TLS handshake`);
      this.buffer = Buffer.alloc(0);
    }
    this.detach(this.socket);
    const plain = this.socket;
    const secure = this.ctx.track(tls.connect({ ...tlsOptions(host, caPem), socket: plain }));
    await this.ctx.wait(handshake(secure));
    this.socket = secure;
    this.failure = null;
    this.attach(secure);
    return secure;
  }

  private attach(socket: net.Socket): void {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    // A socket handed over paused (the implicit-TLS follow-up) must flow again.
    socket.resume();
  }

  private detach(socket: net.Socket): void {
    socket.removeListener('data', this.onData);
    socket.removeListener('error', this.onError);
    socket.removeListener('close', this.onClose);
  }

  private takeLine(): string | null {
    const end = this.buffer.indexOf(10);
    if (end < 0) {
      if (this.buffer.length > MAX_LINE_BYTES) {
        const start = printable(this.buffer.subarray(0, 200).toString('latin1'));
        this.buffer = Buffer.alloc(0);
        throw new ProtocolViolation(`A line longer than ${MAX_LINE_BYTES} bytes`, start);
      }
      return null;
    }
    if (end > MAX_LINE_BYTES) throw new ProtocolViolation(`A line longer than ${MAX_LINE_BYTES} bytes`);
    const line = this.buffer.subarray(0, end).toString('latin1').replace(/\r$/, '');
    this.buffer = this.buffer.subarray(end + 1);
    return line;
  }

  /** Resolves when `take` finds what it needs in the buffer; rejects when the connection fails. */
  private next<T>(take: () => T | null): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const attempt = (): boolean => {
        try {
          const value = take();
          if (value !== null) {
            resolve(value);
            return true;
          }
        } catch (err) {
          reject(err as Error);
          return true;
        }
        if (this.failure) {
          reject(this.failure);
          return true;
        }
        return false;
      };
      if (attempt()) return;
      this.waiter = () => {
        if (attempt()) this.waiter = null;
      };
    });
  }

  private wake(): void {
    this.waiter?.();
  }
}

/** Resolves when the handshake completes; the certificate is judged by the caller (inspectTls). */
export function handshake(secure: tls.TLSSocket): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const onClose = (): void =>
      reject(Object.assign(new Error('Connection closed during the TLS handshake'), { code: 'ECONNRESET' }));
    secure.once('secureConnect', () => {
      secure.removeListener('close', onClose);
      resolve(secure);
    });
    secure.once('error', reject);
    secure.once('close', onClose);
  });
}
