/**
 * A loopback TCP listener that records every connection and never answers: the bad-input tests
 * use it to prove that nothing reached a server, and the cancel test to have a server that hangs.
 */
import { createServer, type Socket } from 'node:net';

export interface RecordingServer {
  port: number;
  connections(): number;
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no port');
  return {
    port: address.port,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
