/**
 * Which hosts a setting may point to without a second look: the address's own domain, and the
 * provider the config came from (its listed domains, or the MX provider's). Compared by
 * registrable domain (the Public Suffix List, via tldts), so `smtp.mail.example.co.uk` belongs
 * to `example.co.uk` and `evil-example.co.uk` does not.
 */
import { getDomain } from 'tldts';

export function registrableDomain(host: string): string {
  const name = host.toLowerCase().replace(/\.$/, '');
  return getDomain(name, { allowPrivateDomains: false }) ?? name;
}

/** True when `host` lies within (the registrable domain of) one of `domains`. */
export function isHostWithin(host: string, domains: readonly string[]): boolean {
  const hostDomain = registrableDomain(host);
  return domains.some((d) => registrableDomain(d) === hostDomain);
}
