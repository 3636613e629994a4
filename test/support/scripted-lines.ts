/**
 * A line-based fake server on 127.0.0.1 for IMAP and POP3 provider replies and hostile behaviour:
 * it sends `greeting`, then hands every line the client sends to `onLine`, which answers with
 * zero or more lines (or takes the socket over). Plain TCP, or implicit TLS with a test cert.
 *
 * Exports `startLineServer(options)` → `{ port, received, close() }`; `received` collects every
 * client line (so a test can check what was sent, e.g. the XOAUTH2 payload).
 */
import net from 'node:net';
import tls from 'node:tls';

export interface LineServerOptions {
  /** The first line(s), or null to stay silent. */
  greeting: string | string[] | null;
  /** Answer one client line: lines to send back (CRLF added), or nothing. */
  onLine?: (line: string, socket: net.Socket) => string[] | string | void;
  /** Implicit TLS with this certificate. */
  tls?: { cert: string; key: string };
}

export interface LineServer {
  port: number;
  received: string[];
  close(): Promise<void>;
}

export async function startLineServer(options: LineServerOptions): Promise<LineServer> {
  const received: string[] = [];
  const sockets = new Set<net.Socket>();
  const handle = (socket: net.Socket): void => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    const write = (lines: string[] | string | void): void => {
      if (lines === undefined) return;
      for (const line of Array.isArray(lines) ? lines : [lines]) {
        if (!socket.destroyed) socket.write(`${line}\r\n`);
      }
    };
    write(options.greeting ?? undefined);
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        received.push(line);
        write(options.onLine?.(line, socket));
      }
    });
  };
  const server: net.Server = options.tls
    ? tls.createServer({ cert: options.tls.cert, key: options.tls.key }, handle)
    : net.createServer(handle);
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The tag of an IMAP command line (`A3 LOGIN …` → `A3`). */
export const tagOf = (line: string): string => line.split(' ')[0] ?? '*';
