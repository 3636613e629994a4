/**
 * The domain's preferred MX names the provider (Thunderbird's FetchConfig.forMX): Microsoft 365,
 * Outlook.com and Google from the table in mx-providers.ts; any other MX host through the ISPDB
 * entry of its registrable domain (ssl0.ovh.net → ovh.net), snapshot first, then live.
 */
import { mxProvider } from '../mx-providers';
import { registrableDomain } from '../trust';
import type { ServerCandidate, SourceFinding } from '../types';
import { PRIORITY, type SourceContext } from './context';
import { findingFromIspdb } from './ispdb';

export async function mxSource(ctx: SourceContext): Promise<SourceFinding | null> {
  const records = await ctx.dns.mx(ctx.domain).catch(() => []);
  const preferred = [...records]
    .filter((r) => r.exchange && r.exchange !== '.')
    .sort((a, b) => a.priority - b.priority)[0];
  if (!preferred) return null;
  const mxHost = preferred.exchange.toLowerCase().replace(/\.$/, '');
  const known = mxProvider(mxHost);
  if (known) {
    const candidates: ServerCandidate[] = known.servers.map((server) => ({
      ...server,
      username: ctx.address,
      source: 'mx',
      origin: `MX ${mxHost} → ${known.name}`,
      oauth: known.oauth,
      flags: [],
    }));
    return { source: 'mx', priority: PRIORITY.mx, candidates, provider: known.name };
  }
  const mxDomain = registrableDomain(mxHost);
  // Self-hosted mail (the MX is in the address's own domain): the ISPDB source already asked.
  if (mxDomain === registrableDomain(ctx.domain)) return null;
  const entry = await ctx.ispdb.find(mxDomain, ctx.fetch);
  if (!entry) return null;
  const finding = findingFromIspdb(entry, ctx, 'mx', PRIORITY.mx, [mxDomain]);
  if (!finding) return null;
  const origin = `MX ${mxHost} → ${entry.origin}`;
  return { ...finding, candidates: finding.candidates.map((c) => ({ ...c, origin })) };
}
