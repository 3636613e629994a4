/**
 * The provider's own autoconfig (the IETF draft "Mail Autoconfig", Thunderbird's FetchConfig):
 *   1. https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<address>
 *   2. https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml
 *   3. a DNS TXT record `mailconf=https://…` on the domain (unsigned: flagged `dns-pointer`)
 *   4. only when none of them answered: http://autoconfig.<domain>/mail/config-v1.1.xml, flagged
 *      `http` and without the address in the URL (plain http would show it to the whole path).
 * The https ones run in parallel; the first in this order that returns a config wins.
 */
import { candidatesFromConfig } from '../candidates';
import { parseConfigXml, type ParsedConfig } from '../config-xml';
import { fetchConfig } from '../fetch-config';
import type { SourceFinding, TrustFlag } from '../types';
import { PRIORITY, type SourceContext } from './context';

interface Fetched {
  config: ParsedConfig;
  url: string;
  priority: number;
  flags: TrustFlag[];
}

async function fetchParsed(ctx: SourceContext, url: string): Promise<ParsedConfig | null> {
  const xml = await fetchConfig(url, { ...ctx.fetch, log: ctx.log }).catch(() => null);
  return xml ? parseConfigXml(xml) : null;
}

/** The `mailconf=` URL of the domain's TXT records (https only), or null. */
async function dnsPointer(ctx: SourceContext): Promise<string | null> {
  const records = await ctx.dns.txt(ctx.domain).catch(() => [] as string[]);
  for (const record of records) {
    const match = /^mailconf=(https:\/\/\S+)$/i.exec(record.trim());
    if (!match) continue;
    try {
      return new URL(match[1]!).href;
    } catch {
      // Not a URL: ignored like any other unrelated TXT record.
    }
  }
  return null;
}

export async function autoconfigSource(ctx: SourceContext): Promise<SourceFinding | null> {
  const { domain, address } = ctx;
  const attempts: Array<Promise<Fetched | null>> = [
    `https://autoconfig.${domain}/mail/config-v1.1.xml?emailaddress=${encodeURIComponent(address)}`,
    `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ].map(async (url) => {
    const config = await fetchParsed(ctx, url);
    return config ? { config, url, priority: PRIORITY.autoconfig, flags: [] } : null;
  });
  attempts.push(
    dnsPointer(ctx).then(async (url) => {
      const config = url ? await fetchParsed(ctx, url) : null;
      return config && url
        ? { config, url, priority: PRIORITY.autoconfigDnsPointer, flags: ['dns-pointer' as const] }
        : null;
    }),
  );
  let found = (await Promise.all(attempts)).find((a) => a !== null) ?? null;
  if (!found && !ctx.signal.aborted) {
    const url = `http://autoconfig.${domain}/mail/config-v1.1.xml`;
    const config = await fetchParsed(ctx, url);
    if (config) found = { config, url, priority: PRIORITY.autoconfigHttp, flags: ['http'] };
  }
  if (!found) return null;
  const candidates = candidatesFromConfig(found.config, {
    address,
    domain,
    source: 'autoconfig',
    origin: found.url,
    flags: found.flags,
    trustedDomains: [],
  });
  return candidates.length
    ? { source: 'autoconfig', priority: found.priority, candidates, provider: found.config.displayName }
    : null;
}
