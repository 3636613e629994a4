/**
 * The arguments of `mailcheck discover ADDRESS [--json] [--lang it|en] [--timeout MS] [--no-probe]`
 * and the environment it reads (MAILCHECK_DNS_SERVERS, MAILCHECK_ISPDB_URL). Everything is checked
 * before any lookup: a problem is a UsageError (exit 2).
 */
import { parseArgs } from 'node:util';
import { parseDnsServers } from '../engine/discovery/dns';
import { MAX_DISCOVERY_TIMEOUT_MS, MIN_DISCOVERY_TIMEOUT_MS } from '../engine/discovery/discover';
import { parseAddress } from '../engine/discovery/address';
import { usage, UsageError } from './usage-error';

export interface DiscoverFlags {
  address: string;
  json: boolean;
  lang?: string;
  timeoutMs?: number;
  probe: boolean;
  help: boolean;
}

export interface DiscoveryEnv {
  dnsServers?: string[];
  ispdbUrl?: string;
}

export function parseTimeoutMs(raw: string): number {
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= MIN_DISCOVERY_TIMEOUT_MS && value <= MAX_DISCOVERY_TIMEOUT_MS)) {
    throw usage(
      'timeout',
      `--timeout must be a whole number of milliseconds from ${MIN_DISCOVERY_TIMEOUT_MS} to ${MAX_DISCOVERY_TIMEOUT_MS}.`,
      `--timeout deve essere un numero intero di millisecondi da ${MIN_DISCOVERY_TIMEOUT_MS} a ${MAX_DISCOVERY_TIMEOUT_MS}.`,
    );
  }
  return value;
}

export function checkAddress(raw: string, flag: string): string {
  const parsed = parseAddress(raw);
  if (!parsed) {
    throw usage(
      'address',
      `${flag} must be an e-mail address such as info@my-shop.it (no spaces, one @, a domain with a dot).`,
      `${flag} deve essere un indirizzo e-mail come info@mio-negozio.it (senza spazi, una @, un dominio con un punto).`,
    );
  }
  return parsed.address;
}

export function parseDiscoverFlags(args: string[]): DiscoverFlags {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        timeout: { type: 'string' },
        'no-probe': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError('argv', {
      en: `${detail}. See "mailcheck discover --help".`,
      it: `${detail}. Vedi "mailcheck discover --help".`,
    });
  }
  const { values, positionals } = parsed;
  const help = values.help ?? false;
  if (!help && positionals.length !== 1) {
    throw usage(
      'address',
      'Give exactly one e-mail address: mailcheck discover ADDRESS.',
      'Indica esattamente un indirizzo e-mail: mailcheck discover INDIRIZZO.',
    );
  }
  return {
    address: help ? '' : checkAddress(positionals[0]!, 'ADDRESS'),
    json: values.json ?? false,
    lang: values.lang,
    timeoutMs: values.timeout !== undefined ? parseTimeoutMs(values.timeout) : undefined,
    probe: !(values['no-probe'] ?? false),
    help,
  };
}

export function discoveryEnv(env: NodeJS.ProcessEnv): DiscoveryEnv {
  const out: DiscoveryEnv = {};
  const servers = env.MAILCHECK_DNS_SERVERS;
  if (servers !== undefined && servers.trim() !== '') {
    try {
      out.dnsServers = parseDnsServers(servers);
    } catch {
      throw usage(
        'MAILCHECK_DNS_SERVERS',
        'MAILCHECK_DNS_SERVERS must be ip:port[,ip:port] (IPv6 as [::1]:53).',
        'MAILCHECK_DNS_SERVERS deve essere ip:porta[,ip:porta] (IPv6 come [::1]:53).',
      );
    }
  }
  const ispdb = env.MAILCHECK_ISPDB_URL;
  if (ispdb !== undefined && ispdb.trim() !== '') {
    let url: URL | null = null;
    try {
      url = new URL(ispdb.trim());
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      throw usage(
        'MAILCHECK_ISPDB_URL',
        'MAILCHECK_ISPDB_URL must be an https:// (or http://) base URL.',
        'MAILCHECK_ISPDB_URL deve essere un URL di base https:// (o http://).',
      );
    }
    out.ispdbUrl = url.href;
  }
  return out;
}
