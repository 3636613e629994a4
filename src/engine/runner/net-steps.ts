/**
 * The steps every protocol starts with: the name lookup, the TCP connection and the TLS handshake
 * (implicit, or after STARTTLS / STLS), with the certificate judged by tls-inspect.
 */
import { promises as dnsPromises } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import type { Localized, TlsInfo } from '../../shared/probe-types';
import { inspectTls, tlsOptions } from '../probe/tls-inspect';
import { L, type RunContext } from './context';
import { Cancelled, StepFailure, StepTimeout } from './errors';
import { handshake } from './line-connection';

/** A and AAAA in parallel; IPv4 first (a half-configured IPv6 costs a timeout, IPv4 almost never). */
export async function dnsStep(ctx: RunContext, host: string): Promise<string[]> {
  ctx.startStep('dns');
  if (net.isIP(host)) {
    ctx.endStep(
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
      const records = await dnsPromises.lookup(host, { family, all: true });
      return { addresses: records.map((r) => r.address), ms: Date.now() - start, error: null as unknown };
    } catch (error) {
      return { addresses: [] as string[], ms: Date.now() - start, error };
    }
  };
  const [a, aaaa] = await ctx.wait(Promise.all([lookup(4), lookup(6)]));
  const addresses = [...new Set([...a.addresses, ...aaaa.addresses])];
  if (!addresses.length) throw a.error ?? aaaa.error;
  const list = addresses.join(', ');
  ctx.transcript.info(`DNS ${host}: A [${a.addresses.join(', ')}] AAAA [${aaaa.addresses.join(', ')}]`);
  ctx.endStep('dns', 'pass', L(`${host} is ${list}`, `${host} corrisponde a ${list}`), {
    a: { addresses: a.addresses, ms: a.ms },
    aaaa: { addresses: aaaa.addresses, ms: aaaa.ms },
  });
  return addresses;
}

/** Tries each address in turn; records the one that answered. */
export async function tcpStep(ctx: RunContext, addresses: string[], port: number): Promise<net.Socket> {
  ctx.startStep('tcp');
  const attempts: Array<{ address: string; error: string }> = [];
  let lastError: unknown = null;
  for (const address of addresses) {
    ctx.transcript.info(`Connecting to ${address} port ${port}`);
    const start = Date.now();
    try {
      const socket = await ctx.wait(connect(ctx, address, port));
      ctx.server.address = address;
      ctx.transcript.info(`Connected to ${address}:${port} from ${socket.localAddress}:${socket.localPort}`);
      ctx.endStep(
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
      const code = (err as { code?: string }).code ?? String(err);
      attempts.push({ address, error: code });
      ctx.transcript.info(`Connection to ${address} failed: ${code}`);
    }
  }
  throw lastError;
}

function connect(ctx: RunContext, address: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = ctx.track(net.connect({ host: address, port }));
    socket.once('connect', () => {
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** The implicit-TLS handshake on a fresh connection (993, 995, `security: tls`). */
export async function implicitHandshake(
  ctx: RunContext,
  socket: net.Socket,
  host: string,
  caPem: string | undefined,
): Promise<tls.TLSSocket> {
  ctx.transcript.info('Starting TLS handshake (implicit TLS)');
  const secure = ctx.track(tls.connect({ ...tlsOptions(host, caPem), socket }));
  return ctx.wait(handshake(secure));
}

/**
 * Judges a completed handshake: an untrusted, expired or mismatched certificate stops the check
 * (StepFailure) before anything else is sent. Records the TLS facts either way.
 */
export function judgeTls(
  ctx: RunContext,
  socket: tls.TLSSocket,
  host: string,
  mode: TlsInfo['mode'],
): TlsInfo {
  const verdict = inspectTls(socket, host, mode);
  const info = verdict.info;
  ctx.tlsInfo = info;
  ctx.transcript.info(
    `TLS ${info.protocol ?? '?'} ${info.cipher ?? '?'}; certificate ${info.subject ?? '?'} issued by ${info.issuer ?? '?'}; ` +
      `trusted: ${info.trusted ? 'yes' : `no (${info.trustError})`}; name matches: ${info.hostnameMatches ? 'yes' : 'no'}`,
  );
  if (verdict.refusal) throw new StepFailure(verdict.refusal);
  return info;
}

export function tlsSummary(info: TlsInfo, starttlsName: string): Localized {
  const how = info.mode === 'starttls' ? starttlsName : 'SSL/TLS';
  return L(
    `Encrypted with ${info.protocol ?? 'TLS'} (${how}), certificate trusted`,
    `Cifrata con ${info.protocol ?? 'TLS'} (${how}), certificato attendibile`,
  );
}
