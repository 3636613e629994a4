/** Thunderbird's ISPDB for the address's own domain: the bundled snapshot, then the live service. */
import { candidatesFromConfig } from '../candidates';
import type { IspdbEntry } from '../ispdb';
import type { DiscoverySource, SourceFinding } from '../types';
import { PRIORITY, type SourceContext } from './context';

/** Candidates of an ISPDB entry: curated data, so its hosts are not flagged as foreign. */
export function findingFromIspdb(
  entry: IspdbEntry,
  ctx: SourceContext,
  source: DiscoverySource,
  priority: number,
  extraTrusted: string[] = [],
): SourceFinding | null {
  const id = entry.config.id ? [entry.config.id] : [];
  const candidates = candidatesFromConfig(entry.config, {
    address: ctx.address,
    domain: ctx.domain,
    source,
    origin: entry.origin,
    flags: entry.live ? ['live-ispdb'] : [],
    trustedDomains: [...entry.config.domains, ...id, ...extraTrusted],
    curated: true,
  });
  return candidates.length ? { source, priority, candidates, provider: entry.config.displayName } : null;
}

export async function ispdbSource(ctx: SourceContext): Promise<SourceFinding | null> {
  const entry = await ctx.ispdb.find(ctx.domain, ctx.fetch);
  if (!entry) return null;
  return findingFromIspdb(entry, ctx, 'ispdb', entry.live ? PRIORITY.ispdbLive : PRIORITY.ispdb);
}
