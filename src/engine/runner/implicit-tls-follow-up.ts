/**
 * The diagnostic second connection for a silent port: does it speak implicit TLS ("SSL/TLS", the
 * 465 style), where the client must start the TLS handshake before the server says anything?
 *
 * It completes a TLS handshake (certificate NOT judged here: the caller inspects it exactly as for
 * `tls` mode) and waits for the first line the server sends over TLS. That line is put back into
 * the socket (unshift), so the socket can be handed to an SMTP session that reads the greeting
 * itself: `auto` mode continues the whole test on it.
 */
import tls from 'node:tls';
import { MAX_REPLY_BYTES } from '../probe/constants';

export interface ImplicitTlsAnswer {
  /** The TLS socket, paused, its first line still unread. Destroyed when `greeting` is null. */
  socket: tls.TLSSocket;
  /** The first line received over TLS (e.g. `220 smtp.example ESMTP`), or null if none came. */
  greeting: string | null;
  handshakeMs: number;
}

export interface ImplicitTlsFollowUpOptions {
  address: string;
  port: number;
  /** The engine's TLS options (tlsOptions): same CA and server name as the main connection. */
  tls: tls.ConnectionOptions;
  /** Lets the probe close this socket with the others (cancel, end of test). */
  register(socket: tls.TLSSocket): void;
  log(text: string): void;
}

export class ImplicitTlsFollowUp {
  /** Null: no TLS handshake (the port does not speak implicit TLS) or aborted. */
  readonly result: Promise<ImplicitTlsAnswer | null>;
  private resolve!: (answer: ImplicitTlsAnswer | null) => void;
  private started = false;
  private settled = false;
  private socket: tls.TLSSocket | null = null;
  private taken = false;

  constructor(private readonly o: ImplicitTlsFollowUpOptions) {
    this.result = new Promise((resolve) => (this.resolve = resolve));
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** Starts the connection (once), bounded by limitMs for the handshake plus the first line. */
  start(limitMs: number): void {
    if (this.started || this.settled) return;
    this.started = true;
    const { o } = this;
    const begin = Date.now();
    o.log(`Connection 2: to ${o.address} port ${o.port}, trying a TLS handshake (implicit TLS, SSL/TLS)`);
    const socket = tls.connect({ ...o.tls, host: o.address, port: o.port });
    this.socket = socket;
    o.register(socket);
    // Errors after the verdict (teardown, a session that took the socket over) must not crash.
    socket.on('error', () => undefined);
    let handshakeMs: number | null = null;
    const chunks: Buffer[] = [];
    let size = 0;
    const answer = (greeting: string | null): ImplicitTlsAnswer | null =>
      handshakeMs === null ? null : { socket, greeting, handshakeMs };
    const timer = setTimeout(() => {
      if (!this.settled)
        o.log(`Connection 2: no ${handshakeMs === null ? 'TLS handshake' : 'greeting'} within ${limitMs} ms`);
      this.settle(answer(null));
    }, limitMs);
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      size += chunk.length;
      const received = Buffer.concat(chunks);
      const end = received.indexOf('\n');
      if (end < 0) {
        if (size > MAX_REPLY_BYTES) this.settle(answer(null));
        return;
      }
      // Put the greeting back: the SMTP session that may take this socket reads it itself.
      socket.pause();
      socket.removeListener('data', onData);
      socket.unshift(received);
      this.settle(answer(received.subarray(0, end).toString('latin1').trim()));
    };
    socket.once('secureConnect', () => {
      handshakeMs = Date.now() - begin;
      o.log(`Connection 2: TLS handshake completed (${socket.getProtocol() ?? 'TLS'}) in ${handshakeMs} ms`);
      socket.on('data', onData);
    });
    socket.once('error', (err: Error & { code?: string }) => {
      if (handshakeMs === null) {
        o.log(`Connection 2: no TLS handshake (${err.code ?? err.message}): not an implicit-TLS port`);
      }
      this.settle(answer(null));
    });
    socket.once('close', () => this.settle(answer(null)));
    void this.result.then(() => clearTimeout(timer));
  }

  /** The caller continues the test on this socket: abort() will leave it open. */
  take(answer: ImplicitTlsAnswer): tls.TLSSocket {
    this.taken = true;
    return answer.socket;
  }

  /** Not needed any more: closes the connection (unless its socket was taken over) and settles. */
  abort(): void {
    if (!this.taken) this.socket?.destroy();
    this.settle(null);
  }

  private settle(answer: ImplicitTlsAnswer | null): void {
    if (this.settled) return;
    this.settled = true;
    // Without a greeting the socket is of no use to anyone.
    if (!answer || answer.greeting === null) this.socket?.destroy();
    this.resolve(answer);
  }
}
