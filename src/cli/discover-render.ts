/**
 * The output of `mailcheck discover`: one JSON object (the contract in docs/cli.md) or readable
 * text in Italian or English. Everything that came from the network (host names, ISPDB names,
 * lookup details) passes through printable(): control characters are shown as visible escapes.
 */
import { printable } from '../engine/discovery/printable';
import type {
  DiscoveredSetting,
  DiscoveryResult,
  DiscoverySource,
  LookupOutcome,
  MailProtocol,
  TrustFlag,
} from '../engine/discovery/types';
import type { Lang } from '../shared/probe-types';

type Words = Record<Lang, string>;

function settingJson(s: DiscoveredSetting | null) {
  if (!s) return null;
  return {
    host: s.host,
    port: s.port,
    security: s.security,
    username: s.username,
    source: s.source,
    verified: s.verified,
  };
}

function trustJson(s: DiscoveredSetting | null) {
  return s ? { origin: s.origin, flags: s.flags, oauth: s.oauth, authMethods: s.authMethods } : null;
}

/** The contract's object, plus `provider`, `trust` (where each setting came from) and timing. */
export function discoveryToJson(result: DiscoveryResult) {
  return {
    address: result.address,
    domain: result.domain,
    smtp: settingJson(result.smtp),
    imap: settingJson(result.imap),
    pop3: settingJson(result.pop3),
    oauth: result.oauth,
    // Exactly the contract's seven keys; why a probe failed is in `problems`.
    candidates: result.candidates.map(({ protocol, host, port, security, source, reachable, ms }) => ({
      protocol,
      host,
      port,
      security,
      source,
      reachable,
      ms,
    })),
    lookups: result.lookups,
    provider: result.provider,
    problems: result.candidates
      .filter((c) => c.problem)
      .map(({ protocol, host, port, security, problem }) => ({ protocol, host, port, security, problem })),
    trust: { smtp: trustJson(result.smtp), imap: trustJson(result.imap), pop3: trustJson(result.pop3) },
    probed: result.probed,
    cancelled: result.cancelled,
    timedOut: result.timedOut,
    totalMs: result.totalMs,
  };
}

const PROTOCOL: Record<MailProtocol, Words> = {
  smtp: { en: 'Outgoing (SMTP)', it: 'In uscita (SMTP)' },
  imap: { en: 'Incoming (IMAP)', it: 'In arrivo (IMAP)' },
  pop3: { en: 'Incoming (POP3)', it: 'In arrivo (POP3)' },
};

export const SOURCE_NAME: Record<DiscoverySource, Words> = {
  autoconfig: { en: "the provider's autoconfig", it: "l'autoconfigurazione del provider" },
  ispdb: { en: 'the Thunderbird database (ISPDB)', it: 'il database di Thunderbird (ISPDB)' },
  mx: { en: 'the domain’s MX record', it: 'il record MX del dominio' },
  srv: { en: 'DNS SRV records', it: 'i record DNS SRV' },
  guess: { en: 'tried and answered', it: 'provato e ha risposto' },
};

const FLAG: Record<TrustFlag, Words> = {
  http: {
    en: 'the settings came over plain http: anyone on the network path could have changed them',
    it: 'le impostazioni sono arrivate in http non cifrato: chiunque sul percorso di rete poteva cambiarle',
  },
  'foreign-host': {
    en: 'the server is outside your domain and its provider: make sure you expect it',
    it: 'il server è fuori dal tuo dominio e dal suo provider: verifica che sia quello atteso',
  },
  'dns-pointer': {
    en: 'the settings location came from a DNS TXT record (not signed)',
    it: 'la posizione delle impostazioni viene da un record DNS TXT (non firmato)',
  },
  'live-ispdb': {
    en: 'from the live Thunderbird database (not the copy shipped with Mailcheck)',
    it: 'dal database di Thunderbird online (non dalla copia inclusa in Mailcheck)',
  },
};

const SECURITY: Record<DiscoveredSetting['security'], Words> = {
  starttls: { en: 'STARTTLS', it: 'STARTTLS' },
  tls: { en: 'SSL/TLS', it: 'SSL/TLS' },
  none: { en: 'no encryption', it: 'nessuna cifratura' },
};

const OUTCOME: Record<LookupOutcome, Words> = {
  found: { en: 'found', it: 'trovato' },
  'not-found': { en: 'not found', it: 'non trovato' },
  error: { en: 'error', it: 'errore' },
  timeout: { en: 'timed out', it: 'scaduto' },
  cancelled: { en: 'cancelled', it: 'annullato' },
};

const W = {
  title: { en: 'Settings for', it: 'Impostazioni per' },
  none: { en: 'none found', it: 'nessuna trovata' },
  port: { en: 'port', it: 'porta' },
  user: { en: 'user', it: 'utente' },
  via: { en: 'found via', it: 'trovato tramite' },
  verified: {
    en: 'verified: the server answered, certificate trusted',
    it: 'verificato: il server ha risposto, certificato attendibile',
  },
  notVerified: { en: 'NOT verified', it: 'NON verificato' },
  notProbed: { en: 'not probed (--no-probe)', it: 'non provato (--no-probe)' },
  login: { en: 'login methods', it: 'metodi di accesso' },
  oauth: {
    en: 'This provider wants OAuth2: sign in with the provider (mailcheck smtp --auth oauth2).',
    it: 'Questo provider richiede OAuth2: accedi con il provider (mailcheck smtp --auth oauth2).',
  },
  tried: { en: 'Servers tried', it: 'Server provati' },
  answered: { en: 'answered', it: 'ha risposto' },
  failed: { en: 'no', it: 'no' },
  lookups: { en: 'Lookups', it: 'Ricerche' },
  total: { en: 'Total', it: 'Totale' },
  nothing: {
    en: 'No outgoing (SMTP) server found. Ask your provider for the settings, then: mailcheck smtp --host HOST.',
    it: 'Nessun server in uscita (SMTP) trovato. Chiedi le impostazioni al provider, poi: mailcheck smtp --host HOST.',
  },
  cancelled: { en: 'Discovery cancelled.', it: 'Ricerca annullata.' },
  timedOut: {
    en: 'Stopped at the time limit (--timeout): servers that had not answered by then are marked –.',
    it: 'Fermata al limite di tempo (--timeout): i server che non avevano ancora risposto sono segnati con –.',
  },
  password: {
    en: 'No password was sent. To test the login: mailcheck smtp --email ADDRESS --password-stdin',
    it: 'Nessuna password è stata inviata. Per provare l’accesso: mailcheck smtp --email ADDRESS --password-stdin',
  },
} satisfies Record<string, Words>;

function settingLines(protocol: MailProtocol, result: DiscoveryResult, lang: Lang): string[] {
  const s = result[protocol];
  const probed = result.probed;
  const label = `${PROTOCOL[protocol][lang]}:`.padEnd(20);
  if (!s) return [`${label}${W.none[lang]}`];
  const indent = ' '.repeat(20);
  const lines = [
    `${label}${printable(s.host)} ${W.port[lang]} ${s.port} ${SECURITY[s.security][lang]}, ${W.user[lang]} ${printable(s.username)}`,
    `${indent}${W.via[lang]}: ${SOURCE_NAME[s.source][lang]} (${printable(s.origin, 200)})`,
  ];
  // Why it is not verified: the probe's catalogue id or error code, from the list of servers tried.
  const tried = result.candidates.find(
    (c) => c.protocol === protocol && c.host === s.host && c.port === s.port && c.security === s.security,
  );
  const why = tried?.problem ? ` (${printable(tried.problem, 80)})` : '';
  const check = !probed ? W.notProbed[lang] : s.verified ? W.verified[lang] : `${W.notVerified[lang]}${why}`;
  const methods = s.authMethods.length
    ? `; ${W.login[lang]}: ${printable(s.authMethods.join(' '), 200)}`
    : '';
  lines.push(`${indent}${check}${methods}`);
  for (const flag of s.flags) lines.push(`${indent}⚠ ${FLAG[flag][lang]}`);
  return lines;
}

export function discoveryToText(result: DiscoveryResult, lang: Lang): string {
  const lines = [`${W.title[lang]} ${printable(result.address)}`, ''];
  for (const protocol of ['smtp', 'imap', 'pop3'] as const)
    lines.push(...settingLines(protocol, result, lang));
  if (result.oauth) lines.push('', W.oauth[lang]);
  if (result.candidates.length) {
    lines.push('', `${W.tried[lang]}:`);
    for (const c of result.candidates) {
      const state =
        c.reachable === null
          ? '–'
          : c.reachable
            ? `✔ ${W.answered[lang]} ${c.ms} ms`
            : `✖ ${W.failed[lang]} ${c.ms} ms${c.problem ? ` (${printable(c.problem, 80)})` : ''}`;
      lines.push(
        `  ${c.protocol.padEnd(4)} ${`${printable(c.host)}:${c.port}`.padEnd(32)} ${SECURITY[c.security][lang].padEnd(8)} ${c.source.padEnd(10)} ${state}`,
      );
    }
  }
  lines.push('', `${W.lookups[lang]}:`);
  for (const l of result.lookups) {
    const detail = l.detail ? `  ${printable(l.detail, 120)}` : '';
    lines.push(
      `  ${l.kind.padEnd(14)} ${printable(l.target, 90)}  ${OUTCOME[l.outcome][lang]} ${l.ms} ms${detail}`,
    );
  }
  lines.push('', `${W.total[lang]}: ${result.totalMs} ms`);
  if (result.timedOut) lines.push(W.timedOut[lang]);
  if (result.cancelled) lines.push(W.cancelled[lang]);
  else if (!result.smtp) lines.push(W.nothing[lang]);
  else lines.push(W.password[lang].replace('ADDRESS', printable(result.address)));
  return lines.join('\n') + '\n';
}
