/**
 * Where the tested settings will be used, and what that says about them. Asked once per account and
 * saved with it: a website builder that only has a password field cannot use an account that only
 * accepts "Sign in with Microsoft", however right the server settings are. Pure data and functions:
 * the renderer, the report and tests use it.
 */
import type { Localized, SecurityMode } from './probe-types';

export const USAGE_KINDS = ['website', 'cms', 'device', 'mail-app', 'script'] as const;
/** Website builder or online shop; WordPress or another CMS plugin; printer or scanner; mail app; script or other. */
export type UsageKind = (typeof USAGE_KINDS)[number];

export const OAUTH_SUPPORT = ['yes', 'no', 'unknown'] as const;
/** Whether that program offers "Sign in with Microsoft / Google". */
export type OAuthSupport = (typeof OAUTH_SUPPORT)[number];

export interface Usage {
  kind: UsageKind;
  signIn: OAuthSupport;
}

/**
 * How each kind of program usually labels the security choice, so that the settings card can say
 * which option to pick there. Generic on purpose: products differ, but these are the usual words.
 */
const SECURITY_WORDING: Record<UsageKind, Record<Exclude<SecurityMode, 'auto'>, Localized>> = {
  website: {
    starttls: {
      en: 'In a website builder’s or shop’s mail form this is usually “TLS” or “STARTTLS”. If the only choices are “SSL/TLS” and none, pick the one its help pairs with port 587.',
      it: 'Nel modulo di posta di un costruttore di siti o di un negozio online di solito si chiama «TLS» o «STARTTLS». Se le sole scelte sono «SSL/TLS» e nessuna, scegli quella che la sua guida abbina alla porta 587.',
    },
    tls: {
      en: 'In a website builder’s or shop’s mail form this is usually “SSL” or “SSL/TLS” (port 465).',
      it: 'Nel modulo di posta di un costruttore di siti o di un negozio online di solito si chiama «SSL» o «SSL/TLS» (porta 465).',
    },
    none: { en: 'Choose “None” (no encryption).', it: 'Scegli «Nessuna» (nessuna cifratura).' },
  },
  cms: {
    starttls: {
      en: 'In WordPress SMTP plugins (e.g. WP Mail SMTP) choose Encryption “TLS”: there it means STARTTLS.',
      it: 'Nei plugin SMTP di WordPress (per esempio WP Mail SMTP) scegli la cifratura «TLS»: lì significa STARTTLS.',
    },
    tls: {
      en: 'In WordPress SMTP plugins (e.g. WP Mail SMTP) choose Encryption “SSL”.',
      it: 'Nei plugin SMTP di WordPress (per esempio WP Mail SMTP) scegli la cifratura «SSL».',
    },
    none: { en: 'Choose Encryption “None”.', it: 'Scegli la cifratura «Nessuna».' },
  },
  device: {
    starttls: {
      en: 'On printers and scanners this is usually “STARTTLS”, or “Use TLS” with port 587; do not tick an “SSL” box meant for port 465.',
      it: 'Su stampanti e scanner di solito si chiama «STARTTLS», oppure «Usa TLS» con la porta 587; non spuntare una casella «SSL» pensata per la porta 465.',
    },
    tls: {
      en: 'On printers and scanners this is usually “SSL” or “SSL/TLS” (port 465).',
      it: 'Su stampanti e scanner di solito si chiama «SSL» o «SSL/TLS» (porta 465).',
    },
    none: { en: 'Leave SSL/TLS off.', it: 'Lascia SSL/TLS disattivato.' },
  },
  'mail-app': {
    starttls: {
      en: 'Mail apps (Thunderbird, Apple Mail, Outlook) call this connection security “STARTTLS”.',
      it: 'Le app di posta (Thunderbird, Mail di Apple, Outlook) chiamano questa sicurezza della connessione «STARTTLS».',
    },
    tls: {
      en: 'Mail apps (Thunderbird, Apple Mail, Outlook) call this connection security “SSL/TLS”.',
      it: 'Le app di posta (Thunderbird, Mail di Apple, Outlook) chiamano questa sicurezza della connessione «SSL/TLS».',
    },
    none: { en: 'Choose connection security “None”.', it: 'Scegli sicurezza della connessione «Nessuna».' },
  },
  script: {
    starttls: {
      en: 'In code: Nodemailer secure: false (it upgrades with STARTTLS), PHPMailer SMTPSecure = "tls", Python smtplib.SMTP then starttls().',
      it: 'Nel codice: Nodemailer secure: false (passa a STARTTLS da solo), PHPMailer SMTPSecure = "tls", Python smtplib.SMTP e poi starttls().',
    },
    tls: {
      en: 'In code: Nodemailer secure: true, PHPMailer SMTPSecure = "ssl", Python smtplib.SMTP_SSL.',
      it: 'Nel codice: Nodemailer secure: true, PHPMailer SMTPSecure = "ssl", Python smtplib.SMTP_SSL.',
    },
    none: { en: 'No TLS at all (only on a trusted network).', it: 'Nessun TLS (solo su una rete fidata).' },
  },
};

/** How the other program usually names this security mode; null for 'auto' (never in a result). */
export function securityWording(kind: UsageKind, security: SecurityMode): Localized | null {
  return security === 'auto' ? null : SECURITY_WORDING[kind][security];
}

/** Diagnoses that mean "this server refuses a password login for this account". */
export const PASSWORD_REFUSED_DIAGNOSES: readonly string[] = [
  'auth.basic-disabled',
  'auth.basic-default-off',
  'auth.smtp-auth-disabled',
  'auth.policy-blocked',
];

/**
 * A plain verdict about a combination that cannot work, not a hedge:
 * - `outlook-password-only`: a program that can only send a password, with an Outlook.com account.
 *   Outlook.com refuses passwords and app passwords from other programs since September 2024.
 * - `m365-smtp-auth-off`: the same program with a Microsoft 365 mailbox whose password sign-in for
 *   SMTP AUTH is off (the test said so): only an administrator can switch it back on.
 */
export type UsageVerdict = 'outlook-password-only' | 'm365-smtp-auth-off';

export function usageVerdict(input: {
  providerId: string;
  usage: Usage | null;
  diagnosisId?: string | null;
}): UsageVerdict | null {
  if (input.usage?.signIn !== 'no') return null;
  if (input.providerId === 'outlook') return 'outlook-password-only';
  if (
    input.providerId === 'microsoft365' &&
    input.diagnosisId &&
    PASSWORD_REFUSED_DIAGNOSES.includes(input.diagnosisId)
  ) {
    return 'm365-smtp-auth-off';
  }
  return null;
}
