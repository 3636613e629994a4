/**
 * In-process servers on 127.0.0.1 for tests: a real `smtp-server` and raw TCP servers for hostile
 * behaviour. Every server listens on a free port and closes everything in `close()`.
 *
 * Exports:
 * - `startSmtpServer(options)` → `{ port, server, close() }`: smtp-server with test defaults
 *   (no logging, no enhanced status codes added to replies so fixtures send EXACT provider texts,
 *   message data drained and accepted).
 * - `startRawServer(onSocket)` → `{ port, close() }`: a net server; `onSocket` scripts each connection.
 * - `smtpError(reply)`: an Error that smtp-server sends back verbatim as `<code> <text>`.
 */
import net from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Makes smtp-server answer exactly `reply` (e.g. "535 5.7.139 Authentication unsuccessful…"). */
export function smtpError(reply: string): Error {
  const match = /^(\d{3})[ -](.*)$/s.exec(reply);
  if (!match) throw new Error(`Not an SMTP reply: ${reply}`);
  return Object.assign(new Error(match[2]), { responseCode: Number(match[1]) });
}

export async function startSmtpServer(
  options: SMTPServerOptions,
): Promise<RunningServer & { server: SMTPServer }> {
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    hideENHANCEDSTATUSCODES: true,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => callback(null));
    },
    ...options,
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as net.AddressInfo;
  return {
    port: address.port,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function startRawServer(onSocket: (socket: net.Socket) => void): Promise<RunningServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
