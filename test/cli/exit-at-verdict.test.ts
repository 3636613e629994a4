/**
 * Exit at the verdict (issue 9): the CLI sends QUIT but never waits for its 221, and the process
 * exits as soon as it has printed, even against a server that ignores QUIT and never closes.
 * The built binary, as a whole process: a lingering socket or timer would keep it alive.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineServer } from '../fixtures/hostile';
import { ensureCliBuilt, parseJsonOutput, runCli } from './cli-runner';

/** Far below QUIT_GRACE_MS (1 s), after which the engine would cut a silent server off anyway. */
const EXIT_AFTER_QUIT_MS = 400;

let server: net.Server;
let port = 0;
const sockets = new Set<net.Socket>();
let quitAt = 0;

beforeAll(async () => {
  await ensureCliBuilt();
  // allowHalfOpen: the client's FIN does not make this server close its side (Node's default would).
  server = net.createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    lineServer('220 sticky.example ESMTP', (line) => {
      const verb = line.split(' ')[0]?.toUpperCase();
      if (verb === 'EHLO') return '250-sticky.example\r\n250 AUTH PLAIN';
      if (verb === 'AUTH') return '235 2.7.0 ok';
      if (verb === 'QUIT') {
        quitAt = Date.now();
        return null; // ignores QUIT: no 221, and it never closes its side
      }
      return '502 5.5.2 no';
    })(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as net.AddressInfo).port;
}, 120_000);
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('the CLI exits at its verdict', () => {
  it.each([['text'], ['json']])(
    '%s: QUIT sent, the process gone right after, no 221 awaited',
    async (mode) => {
      quitAt = 0;
      const args = ['smtp', '--host', '127.0.0.1', '--port', String(port), '--security', 'none'];
      args.push(
        '--allow-plaintext-auth',
        '--user',
        'mario@example.it',
        '--password-stdin',
        '--timeout',
        '5000',
      );
      if (mode === 'json') args.push('--json');
      let exitedAt = 0;
      const run = await runCli(args, {
        stdin: 'Uscita-1\n',
        onSpawn: (child) => child.once('exit', () => (exitedAt = Date.now())),
      });
      expect(run.code).toBe(0);
      if (mode === 'json') expect(parseJsonOutput(run).ok).toBe(true);
      else expect(run.stdout).toContain('It works');
      expect(quitAt).toBeGreaterThan(0);
      expect(exitedAt - quitAt).toBeLessThan(EXIT_AFTER_QUIT_MS);
    },
  );
});
