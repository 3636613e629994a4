/**
 * A userspace TCP proxy on loopback that delays every chunk by a fixed time in each direction,
 * to measure an SMTP client against something like a real network round trip (the kernel's
 * netem needs privileges and a real interface; this needs neither).
 *
 * Chunks keep their order: every chunk of one direction waits the same delay, and Node fires
 * timers of equal duration in the order they were set. The end of a stream is delayed the same
 * way, so a close never overtakes data.
 */
import { createServer, connect, type Socket } from 'node:net';

export const DEFAULT_ONE_WAY_DELAY_MS = 50;
const LOOPBACK = '127.0.0.1';

export interface DelayProxy {
  port: number;
  close(): Promise<void>;
}

function pipeWithDelay(from: Socket, to: Socket, delayMs: number): void {
  from.on('data', (chunk: Buffer) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs);
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => setTimeout(() => to.destroy(), delayMs));
  from.on('close', () => setTimeout(() => to.destroy(), delayMs));
}

/**
 * Forwards to `targetPort` on loopback only (127.0.0.1, or another 127.x address given as
 * `targetHost`): this tool must never reach another machine. It listens on a free port of
 * 127.0.0.1 unless `listenHost`/`listenPort` say otherwise (the discovery bench needs the real mail
 * ports on a 127.x address of its own).
 */
export async function startDelayProxy(opts: {
  targetPort: number;
  delayMs?: number;
  targetHost?: string;
  listenHost?: string;
  listenPort?: number;
}): Promise<DelayProxy> {
  const delayMs = opts.delayMs ?? DEFAULT_ONE_WAY_DELAY_MS;
  const targetHost = opts.targetHost ?? LOOPBACK;
  const listenHost = opts.listenHost ?? LOOPBACK;
  if (![targetHost, listenHost].every((h) => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)))
    throw new Error('the delay proxy only works on loopback (127.x.y.z)');
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    client.setNoDelay(true);
    const upstream = connect({ host: targetHost, port: opts.targetPort });
    upstream.setNoDelay(true);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
    }
    pipeWithDelay(client, upstream, delayMs);
    pipeWithDelay(upstream, client, delayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.listenPort ?? 0, listenHost, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the delay proxy has no port');
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
