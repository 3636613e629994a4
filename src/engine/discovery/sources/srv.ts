/**
 * DNS SRV records (RFC 6186, RFC 8314 for the implicit-TLS names). A target of "." means the
 * service is deliberately not offered. The record with the lowest priority (then highest weight)
 * wins. SRV answers are unsigned: a target outside the address's domain is flagged.
 */
import { isHostName } from '../config-xml';
import { isHostWithin } from '../trust';
import type { DiscoveredSecurity, MailProtocol, ServerCandidate, SourceFinding } from '../types';
import { PRIORITY, type SourceContext } from './context';

/** The service names, best first within each protocol (implicit TLS preferred, RFC 8314 §5.1). */
export const SRV_SERVICES: ReadonlyArray<{
  name: string;
  protocol: MailProtocol;
  security: DiscoveredSecurity;
}> = [
  { name: '_submissions._tcp', protocol: 'smtp', security: 'tls' },
  { name: '_submission._tcp', protocol: 'smtp', security: 'starttls' },
  { name: '_imaps._tcp', protocol: 'imap', security: 'tls' },
  { name: '_imap._tcp', protocol: 'imap', security: 'starttls' },
  { name: '_pop3s._tcp', protocol: 'pop3', security: 'tls' },
  { name: '_pop3._tcp', protocol: 'pop3', security: 'starttls' },
];

export async function srvSource(ctx: SourceContext): Promise<SourceFinding | null> {
  const answers = await Promise.all(
    SRV_SERVICES.map(async (service) => {
      const name = `${service.name}.${ctx.domain}`;
      const records = await ctx.dns.srv(name).catch(() => []);
      const best = [...records]
        .filter((r) => r.name && r.name !== '.' && r.port > 0)
        .sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
      if (!best) return null;
      const host = best.name.toLowerCase().replace(/\.$/, '');
      if (!isHostName(host)) return null;
      const candidate: ServerCandidate = {
        protocol: service.protocol,
        host,
        port: best.port,
        security: service.security,
        username: ctx.address,
        source: 'srv',
        origin: `SRV ${name}`,
        oauth: false,
        flags: isHostWithin(host, [ctx.domain]) ? [] : ['foreign-host'],
      };
      return candidate;
    }),
  );
  const candidates = answers.filter((c): c is ServerCandidate => c !== null);
  return candidates.length ? { source: 'srv', priority: PRIORITY.srv, candidates, provider: null } : null;
}
