/**
 * Every DNS question discovery asks, through ONE resolver: the system's, or the servers named in
 * MAILCHECK_DNS_SERVERS (`ip:port[,ip:port]`). The same resolver answers the MX, SRV and TXT
 * queries, the A/AAAA of every candidate host, the host names of the HTTPS fetches (a custom
 * `lookup` for node:https) and the probe's own dns step (runProbe's `lookup` option), so a test (or
 * a user behind split DNS) controls all of them. Each query is bounded in time and recorded.
 */
import dns, { type LookupAddress, type MxRecord, type SrvRecord } from 'node:dns';
import { Resolver } from 'node:dns/promises';
import net from 'node:net';
import type { LookupLog } from './lookup-log';

/** One DNS round trip on a healthy network is well under 100 ms; 3 s covers a slow resolver. */
export const DNS_TIMEOUT_MS = 3_000;

/** Parses `ip:port[,ip:port]` (IPv6 as `[::1]:53`); throws on anything else. */
export function parseDnsServers(raw: string): string[] {
  const servers = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!servers.length) throw new Error('no DNS server given');
  for (const server of servers) {
    const v6 = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(server);
    const v4 = /^([0-9.]+)(?::(\d{1,5}))?$/.exec(server);
    const match = v6 ?? v4;
    const ip = match?.[1];
    const port = match?.[2] === undefined ? 53 : Number(match[2]);
    if (!ip || !net.isIP(ip) || port < 1 || port > 65535) throw new Error(`not an ip:port: ${server}`);
  }
  return servers;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

export class DiscoveryDns {
  private readonly resolver: Resolver;
  private readonly custom: boolean;
  /** One A/AAAA question per host and run: the guesses, fetches and probes share the answer. */
  private readonly addressCache = new Map<string, Promise<string[]>>();

  constructor(
    servers: readonly string[] | undefined,
    private readonly log: LookupLog,
    timeoutMs = DNS_TIMEOUT_MS,
  ) {
    this.resolver = new Resolver({ timeout: timeoutMs, tries: 2 });
    this.custom = !!servers?.length;
    if (servers?.length) this.resolver.setServers([...servers]);
  }

  /** Stops every query still running (they reject with ECANCELLED). */
  cancel(): void {
    this.resolver.cancel();
  }

  mx(name: string): Promise<MxRecord[]> {
    return this.log.run(
      'mx',
      name,
      () => this.resolver.resolveMx(name),
      (records) => ({
        found: records.length > 0,
        detail: [...records]
          .sort((a, b) => a.priority - b.priority)
          .map((r) => `${r.priority} ${r.exchange}`)
          .join(', '),
      }),
    );
  }

  srv(name: string): Promise<SrvRecord[]> {
    return this.log.run(
      'srv',
      name,
      () => this.resolver.resolveSrv(name),
      (records) => ({
        found: records.some((r) => r.name && r.name !== '.'),
        detail: records.map((r) => `${r.priority} ${r.weight} ${r.port} ${r.name || '.'}`).join(', '),
      }),
    );
  }

  txt(name: string): Promise<string[]> {
    return this.log.run(
      'txt',
      name,
      async () => (await this.resolver.resolveTxt(name)).map((chunks) => chunks.join('')),
      (records) => ({ found: records.length > 0, detail: records.join(' | ') }),
    );
  }

  /** A and AAAA of a host (IPv4 first), through the chosen servers or the system's lookup. */
  addresses(host: string): Promise<string[]> {
    if (net.isIP(host)) return Promise.resolve([host]);
    const key = host.toLowerCase();
    let pending = this.addressCache.get(key);
    if (!pending) {
      pending = this.queryAddresses(host);
      this.addressCache.set(key, pending);
    }
    return pending;
  }

  private queryAddresses(host: string): Promise<string[]> {
    return this.log.run(
      'a',
      host,
      async () => {
        if (!this.custom) {
          const all = await dns.promises.lookup(host, { all: true });
          return all.map((a) => a.address);
        }
        const settle = (p: Promise<string[]>) => p.catch((error: unknown) => error as Error);
        const [a, aaaa] = await Promise.all([
          settle(this.resolver.resolve4(host)),
          settle(this.resolver.resolve6(host)),
        ]);
        const found = [...(Array.isArray(a) ? a : []), ...(Array.isArray(aaaa) ? aaaa : [])];
        if (!found.length) throw a instanceof Error ? a : aaaa;
        return found;
      },
      (addresses) => ({ found: addresses.length > 0, detail: addresses.join(', ') }),
    );
  }

  /** A `lookup` for net/tls/https connections: the same resolver, the same record. */
  readonly lookupCallback = (
    hostname: string,
    options: dns.LookupOptions | number | LookupCallback,
    callback?: LookupCallback,
  ): void => {
    const cb = (typeof options === 'function' ? options : callback) as LookupCallback;
    const opts = typeof options === 'object' ? options : {};
    this.addresses(hostname).then(
      (addresses) => {
        const family = opts.family === 6 ? 6 : opts.family === 4 ? 4 : 0;
        const list = addresses
          .map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }))
          .filter((a) => !family || a.family === family);
        if (!list.length) {
          cb(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        } else if (opts.all) cb(null, list);
        else cb(null, list[0]!.address, list[0]!.family);
      },
      (error: NodeJS.ErrnoException) => cb(error, '', 0),
    );
  };

  /** runProbe's `lookup` (the promise form of dns.lookup with `all: true`). */
  readonly probeLookup = (async (hostname: string, options: { family?: number }) => {
    const addresses = await this.addresses(hostname).catch(() => [] as string[]);
    const family = options?.family;
    const list = addresses
      .map((address) => ({ address, family: net.isIPv6(address) ? 6 : 4 }))
      .filter((a) => !family || a.family === family);
    if (!list.length)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return list;
  }) as unknown as typeof dns.promises.lookup;
}
