/**
 * The SMTP check's `dns` and `tcp` steps (old probe/run.ts `dnsStep`, `tcpStep`, `connectTcp`).
 * SMTP keeps its own: the resolver can be replaced (discovery's MAILCHECK_DNS_SERVERS) and each
 * connect attempt restarts the per-reply watchdog; the transcript lines are SMTP's as before.
 */
import { promises as dnsPromises } from 'node:dns';
import net from 'node:net';
import { Cancelled, StepTimeout } from '../runner/errors';
import { L, type SmtpRun } from './state';

export async function dnsStep(run: SmtpRun): Promise<string[]> {
  const { host } = run.req;
  const { ctx } = run;
  run.startStep('dns');
  if (net.isIP(host)) {
    run.endStep(
      'dns',
      'skip',
      L('IP address: no lookup needed', 'Indirizzo IP: nessuna ricerca necessaria'),
      {
        addresses: [host],
      },
    );
    return [host];
  }
  const lookup = async (family: 4 | 6) => {
    const start = Date.now();
    try {
      const records = await (run.opts.lookup ?? dnsPromises.lookup)(host, { family, all: true });
      return { addresses: records.map((r) => r.address), ms: Date.now() - start, error: null as unknown };
    } catch (error) {
      return { addresses: [] as string[], ms: Date.now() - start, error };
    }
  };
  const [a, aaaa] = await run.race(Promise.all([lookup(4), lookup(6)]));
  // IPv4 first: where IPv6 is half-configured it costs a timeout, IPv4 almost never does.
  const addresses = [...new Set([...a.addresses, ...aaaa.addresses])];
  if (!addresses.length) throw a.error ?? aaaa.error;
  const list = addresses.join(', ');
  ctx.transcript.info(`DNS ${host}: A [${a.addresses.join(', ')}] AAAA [${aaaa.addresses.join(', ')}]`);
  run.endStep('dns', 'pass', L(`${host} is ${list}`, `${host} corrisponde a ${list}`), {
    a: { addresses: a.addresses, ms: a.ms },
    aaaa: { addresses: aaaa.addresses, ms: aaaa.ms },
  });
  return addresses;
}

export async function tcpStep(run: SmtpRun, addresses: string[]): Promise<net.Socket> {
  const { port } = run.req;
  const { ctx } = run;
  run.startStep('tcp');
  const attempts: Array<{ address: string; error: string }> = [];
  let lastError: unknown = null;
  for (const address of addresses) {
    ctx.transcript.info(`Connecting to ${address} port ${port}`);
    run.restartWait(); // each address gets the full connect timeout
    const start = Date.now();
    try {
      const socket = await run.race(connectTcp(run, address, port));
      ctx.server.address = address;
      ctx.transcript.info(`Connected to ${address}:${port} from ${socket.localAddress}:${socket.localPort}`);
      run.endStep(
        'tcp',
        'pass',
        L(`Connected to ${address} port ${port}`, `Connesso a ${address} porta ${port}`),
        {
          address,
          family: net.isIPv6(address) ? 'IPv6' : 'IPv4',
          localAddress: socket.localAddress ?? null,
          connectMs: Date.now() - start,
          failedAttempts: attempts,
        },
      );
      return socket;
    } catch (err) {
      if (err instanceof StepTimeout || err instanceof Cancelled) throw err;
      lastError = err;
      const code = (err as { code?: string }).code ?? ctx.redactor.scrub(String(err));
      attempts.push({ address, error: code });
      ctx.transcript.notice(`Connection to ${address} failed: ${code}`);
    }
  }
  throw lastError;
}

function connectTcp(run: SmtpRun, address: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = run.ctx.track(net.connect({ host: address, port }));
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}
