/** The one-line summaries, in English and Italian, of the SMTP steps whose wording is SMTP's own. */
import type { Localized, TlsInfo } from '../../shared/probe-types';
import type { EhloFacts } from './ehlo';

const L = (en: string, it: string): Localized => ({ en, it });

export function tlsSummary(info: TlsInfo): Localized {
  const how = info.mode === 'starttls' ? 'STARTTLS' : 'SSL/TLS';
  return L(
    `Encrypted with ${info.protocol ?? 'TLS'} (${how}), certificate trusted`,
    `Cifrata con ${info.protocol ?? 'TLS'} (${how}), certificato attendibile`,
  );
}

/** Auto mode found implicit TLS on a silent port: it works, but the other system must say SSL/TLS. */
export function implicitTlsFoundSummary(info: TlsInfo, port: number): Localized {
  const protocol = info.protocol ?? 'TLS';
  return L(
    `Encrypted with ${protocol}, certificate trusted, but port ${port} speaks implicit TLS (SSL/TLS), not STARTTLS: set the other system to SSL/TLS for this port`,
    `Cifrata con ${protocol}, certificato attendibile, ma la porta ${port} usa TLS implicito (SSL/TLS), non STARTTLS: nell’altro sistema imposta SSL/TLS per questa porta`,
  );
}

export function ehloSummary(facts: EhloFacts, secure: boolean): Localized {
  const auth = facts.authMechanisms.length ? facts.authMechanisms.join(' ') : null;
  const en = secure ? 'Already encrypted' : `STARTTLS ${facts.starttls ? 'offered' : 'not offered'}`;
  const it = secure ? 'Già cifrata' : `STARTTLS ${facts.starttls ? 'offerto' : 'non offerto'}`;
  return L(
    `${en}; login: ${auth ?? 'not offered (yet)'}`,
    `${it}; accesso: ${auth ?? 'non offerto (per ora)'}`,
  );
}
