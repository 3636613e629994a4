/**
 * A loopback TCP listener that records every connection and never answers: the bad-input tests
 * use it to prove that nothing reached a server, and the cancel test to have a server that hangs.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface RecordingServer {
  port: number;
  /** Connections accepted so far (settle()'s own connections are not counted). */
  connections(): number;
  /**
   * Resolves once every connection made before the call has been accepted and counted: it opens a
   * connection of its own and waits until the server has accepted it. The kernel hands connections
   * to the server in order, so anything a finished process opened earlier is counted by then (an
   * event, instead of sleeping and hoping a stray connection arrived).
   */
  settle(): Promise<void>;
  /**
   * Resolves once `count` connections (not counting settle()'s) were accepted: a readiness signal
   * for tests that must act only after a process reached the server (e.g. send Ctrl-C once the
   * CLI's handler is surely installed: it is installed before the probe connects).
   */
  connected(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  /** Every accepted connection, by its client port; settle() marks its own as sentinels. */
  const accepted: { remotePort: number | undefined; sentinel: boolean }[] = [];
  const waiters = new Set<() => void>();
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    accepted.push({ remotePort: socket.remotePort, sentinel: false });
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no port');
  const port = address.port;

  /** Marks the latest unmarked connection from `clientPort` as settle()'s own; false if not accepted yet. */
  const claim = (clientPort: number): boolean => {
    const entry = accepted.findLast((a) => a.remotePort === clientPort && !a.sentinel);
    if (entry) entry.sentinel = true;
    return entry !== undefined;
  };

  return {
    port,
    connections: () => accepted.filter((a) => !a.sentinel).length,
    settle: () =>
      new Promise<void>((resolve, reject) => {
        const client = connect({ host: '127.0.0.1', port });
        client.on('error', reject);
        // The server may see the connection before or after the client's 'connect' event.
        client.once('connect', () => {
          const clientPort = client.localPort;
          if (clientPort === undefined) return reject(new Error('no local port'));
          const check = (): void => {
            if (!claim(clientPort)) return;
            waiters.delete(check);
            client.destroy();
            resolve();
          };
          waiters.add(check);
          check();
        });
      }),
    connected: (count) =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (accepted.filter((a) => !a.sentinel).length < count) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
