/** Turns a parsed config (autoconfig, ISPDB) into candidates for one address, with trust flags. */
import { fillTemplate, isHostName, type ParsedConfig } from './config-xml';
import { isHostWithin } from './trust';
import type { DiscoverySource, ServerCandidate, TrustFlag } from './types';

export interface ConfigContext {
  address: string;
  domain: string;
  source: DiscoverySource;
  origin: string;
  /** Flags that hold for the whole config (http, dns-pointer, live-ispdb). */
  flags: TrustFlag[];
  /**
   * Domains whose hosts are the provider's own: the address domain, plus, for a curated source
   * (ISPDB, the MX table), the provider's listed domains. A provider's own autoconfig cannot vouch
   * for hosts outside its domain by listing them.
   */
  trustedDomains: string[];
  /**
   * A curated source (the ISPDB, reviewed by Thunderbird's maintainers): its hosts are vouched for,
   * even outside the provider's domains (hotmail.com → outlook.office365.com), and never flagged.
   */
  curated?: boolean;
}

export function candidatesFromConfig(config: ParsedConfig, ctx: ConfigContext): ServerCandidate[] {
  const out: ServerCandidate[] = [];
  for (const server of config.servers) {
    const host = fillTemplate(server.host, ctx.address).toLowerCase();
    if (!isHostName(host)) continue;
    const flags = [...ctx.flags];
    if (!ctx.curated && !isHostWithin(host, [ctx.domain, ...ctx.trustedDomains])) flags.push('foreign-host');
    out.push({
      protocol: server.protocol,
      host,
      port: server.port,
      security: server.security,
      username: fillTemplate(server.username, ctx.address),
      source: ctx.source,
      origin: ctx.origin,
      oauth: server.authentication.includes('OAuth2'),
      flags,
    });
  }
  return out;
}
