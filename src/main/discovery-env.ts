/**
 * The discovery settings the app takes from its environment, like the CLI: MAILCHECK_DNS_SERVERS
 * (`ip:port[,ip:port]`: every DNS query discovery makes goes there) and MAILCHECK_ISPDB_URL (the
 * live ISPDB's base URL). A wrong value is reported once on stderr and ignored: the window still
 * starts, with the system resolver. Electron-free.
 */
import { parseDnsServers } from '../engine/discovery';
import type { MainDeps } from './handlers';

export function discoveryFromEnv(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void = (m) => console.error(m),
): NonNullable<MainDeps['discovery']> {
  const out: NonNullable<MainDeps['discovery']> = {};
  const servers = env.MAILCHECK_DNS_SERVERS?.trim();
  if (servers) {
    try {
      out.dnsServers = parseDnsServers(servers);
    } catch {
      warn('MAILCHECK_DNS_SERVERS must be ip:port[,ip:port]; ignoring it.');
    }
  }
  const ispdb = env.MAILCHECK_ISPDB_URL?.trim();
  if (ispdb) {
    try {
      const url = new URL(ispdb);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
      out.ispdbUrl = url.href;
    } catch {
      warn('MAILCHECK_ISPDB_URL must be an https:// (or http://) base URL; ignoring it.');
    }
  }
  return out;
}
