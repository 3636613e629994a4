/**
 * Mail-provider presets: knowledge as DATA, so that adding a provider means adding an entry here
 * (and, optionally, a guide under src/shared/guides). Pure TS: the renderer, the CLI and tests use it.
 * Every preset records where its settings come from (`source`) and when they were last checked.
 * Everything a preset fills in stays editable in the window: presets are a starting point, not a lock.
 *
 * Checked on 2026-11-26: the providers' own help pages (the `source` URLs) and, for the Italian
 * providers, Thunderbird's curated provider database (ISPDB, github.com/thunderbird/autoconfig,
 * files ispdb/libero.it, virgilio.it.xml, tim.it.xml, alice.it.xml), which links the same pages.
 */
import type { Localized, SecurityMode } from './probe-types';

export type PresetSecurity = Exclude<SecurityMode, 'auto'>;

export interface ProviderPreset {
  id: string;
  name: string;
  /**
   * Address domains that identify the provider. Either exact (`libero.it`) or `label.*`, which matches
   * the label followed by a country/generic suffix (`hotmail.it`, `hotmail.co.uk`). Empty when the
   * provider hosts custom domains only (Microsoft 365, Aruba): then it is offered as a choice.
   */
  domains: readonly string[];
  smtp: { host: string; port: number; security: PresetSecurity };
  auth: {
    /** The provider wants Modern Auth (OAuth2, "Sign in with Microsoft") for third-party apps. */
    oauthRecommended?: boolean;
    /** A password only works as an app password created with two-step verification on. */
    appPasswordRequired?: boolean;
    /** What to type as username: the full address (nearly everyone) or the local part. */
    username: 'email' | 'local-part';
    notes: Localized;
  };
  /** OAuth tenant to use when signing in (Microsoft only). */
  oauthTenant?: string;
  /** The guide for this provider, when there is one (src/shared/guides). */
  guideId?: string;
  /** Where the settings come from. */
  source: string;
  /** ISO date (YYYY-MM-DD) the settings were last checked against `source`. */
  checked: string;
}

export const CUSTOM_PROVIDER_ID = 'custom';

export const PROVIDERS: readonly ProviderPreset[] = [
  {
    id: 'outlook',
    name: 'Outlook.com / Hotmail',
    domains: ['outlook.*', 'hotmail.*', 'live.*', 'msn.com', 'passport.com', 'windowslive.com'],
    smtp: { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
    auth: {
      oauthRecommended: true,
      username: 'email',
      notes: {
        en: 'Since September 2024 Microsoft wants third-party apps to sign in with Microsoft (Modern Auth): passwords and app passwords may be refused.',
        it: 'Da settembre 2024 Microsoft chiede alle app di terze parti di accedere con l’account Microsoft (Modern Auth): password e password per le app possono essere rifiutate.',
      },
    },
    oauthTenant: 'consumers',
    guideId: 'outlook',
    source:
      'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
    checked: '2026-11-26',
  },
  {
    id: 'microsoft365',
    name: 'Microsoft 365 (work or school)',
    domains: [],
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    auth: {
      oauthRecommended: true,
      username: 'email',
      notes: {
        en: 'Basic authentication for SMTP AUTH is switched off by default at the end of December 2026: sign in with Microsoft, and an administrator must allow Authenticated SMTP for the mailbox.',
        it: 'L’autenticazione di base per SMTP AUTH viene disattivata di default a fine dicembre 2026: accedi con Microsoft; un amministratore deve consentire l’SMTP autenticato per la casella.',
      },
    },
    oauthTenant: 'organizations',
    guideId: 'outlook',
    source:
      'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
    checked: '2026-11-26',
  },
  {
    id: 'gmail',
    name: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
    auth: {
      appPasswordRequired: true,
      username: 'email',
      notes: {
        en: 'Turn on 2-Step Verification, then create an app password in your Google Account and use it instead of your normal password.',
        it: 'Attiva la verifica in due passaggi, poi crea una password per le app nell’Account Google e usala al posto della password normale.',
      },
    },
    source: 'https://support.google.com/mail/answer/7126229',
    checked: '2026-11-26',
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    domains: ['yahoo.*', 'ymail.com', 'rocketmail.com'],
    smtp: { host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' },
    auth: {
      appPasswordRequired: true,
      username: 'email',
      notes: {
        en: 'Yahoo requires an app password generated in Account security for mail programs.',
        it: 'Yahoo richiede una password per le app, da generare in Sicurezza dell’account, per i programmi di posta.',
      },
    },
    source: 'https://help.yahoo.com/kb/SLN4075.html',
    checked: '2026-11-26',
  },
  {
    id: 'icloud',
    name: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    smtp: { host: 'smtp.mail.me.com', port: 587, security: 'starttls' },
    auth: {
      appPasswordRequired: true,
      username: 'email',
      notes: {
        en: 'Use an app-specific password created at account.apple.com (two-factor authentication must be on).',
        it: 'Usa una password specifica per le app creata su account.apple.com (serve l’autenticazione a due fattori).',
      },
    },
    source: 'https://support.apple.com/en-us/102525',
    checked: '2026-11-26',
  },
  {
    id: 'libero',
    name: 'Libero Mail',
    domains: ['libero.it', 'inwind.it', 'blu.it', 'iol.it', 'giallo.it'],
    smtp: { host: 'smtp.libero.it', port: 465, security: 'tls' },
    auth: {
      username: 'email',
      notes: {
        en: 'Use the full address and the mailbox password.',
        it: 'Usa l’indirizzo completo e la password della casella.',
      },
    },
    source: 'https://aiuto.libero.it/articolo/mail/parametri-di-configurazione-per-il-client-di-posta/',
    checked: '2026-11-26',
  },
  {
    id: 'aruba',
    name: 'Aruba (hosting mail)',
    domains: ['aruba.it'],
    smtp: { host: 'smtps.aruba.it', port: 465, security: 'tls' },
    auth: {
      username: 'email',
      notes: {
        en: 'Aruba mailboxes usually use your own domain: choose this preset by hand. Username is the full address.',
        it: 'Le caselle Aruba di solito usano il tuo dominio: scegli questo preset a mano. Il nome utente è l’indirizzo completo.',
      },
    },
    source: 'https://guide.hosting.aruba.it/email/',
    checked: '2026-11-26',
  },
  {
    id: 'aruba-pec',
    name: 'Aruba PEC',
    domains: ['pec.it'],
    smtp: { host: 'smtps.pec.aruba.it', port: 465, security: 'tls' },
    auth: {
      username: 'email',
      notes: {
        en: 'Certified mail (PEC) must be sent through smtps.pec.aruba.it. With two-step verification on, use a dedicated mail-program password.',
        it: 'La PEC va inviata tramite smtps.pec.aruba.it. Con la verifica in due passaggi attiva serve la password dedicata per i programmi di posta.',
      },
    },
    source: 'https://guide.pec.it/posta-pec/configurare-casella-pec/',
    checked: '2026-11-26',
  },
  {
    id: 'virgilio',
    name: 'Virgilio Mail',
    domains: ['virgilio.it'],
    smtp: { host: 'out.virgilio.it', port: 465, security: 'tls' },
    auth: {
      username: 'email',
      notes: {
        en: 'Use the full address and the mailbox password.',
        it: 'Usa l’indirizzo completo e la password della casella.',
      },
    },
    source:
      'https://aiuto.virgilio.it/articolo/mail/configurare-virgilio-mail-con-client-di-posta-imap-e-smtp/',
    checked: '2026-11-26',
  },
  {
    id: 'tim',
    name: 'TIM Mail',
    domains: ['tim.it'],
    smtp: { host: 'smtp.tim.it', port: 587, security: 'starttls' },
    auth: {
      username: 'email',
      notes: {
        en: 'TIM servers only send mail whose sender is a TIM address (tim.it, alice.it, tin.it).',
        it: 'I server TIM inviano solo messaggi con mittente di un dominio TIM (tim.it, alice.it, tin.it).',
      },
    },
    source: 'https://www.tim.it/assistenza/assistenza-tecnica/mail/configurazione/protocolli-posta',
    checked: '2026-11-26',
  },
  {
    id: 'alice',
    name: 'Alice Mail (TIM)',
    domains: ['alice.it', 'aliceposta.it', 'tin.it'],
    smtp: { host: 'out.alice.it', port: 587, security: 'starttls' },
    auth: {
      username: 'email',
      notes: {
        en: 'TIM servers only send mail whose sender is a TIM address (alice.it, tim.it, tin.it).',
        it: 'I server TIM inviano solo messaggi con mittente di un dominio TIM (alice.it, tim.it, tin.it).',
      },
    },
    source: 'https://www.tim.it/assistenza/assistenza-tecnica/mail/configurazione/protocolli-posta',
    checked: '2026-11-26',
  },
];

/** Country and generic suffixes a `label.*` pattern accepts: `it`, `com`, `co.uk`, `com.au`. */
const WILDCARD_SUFFIX = /^[a-z]{2,3}(\.[a-z]{2})?$/;

function domainMatches(domain: string, pattern: string): boolean {
  if (!pattern.endsWith('.*')) return domain === pattern;
  const label = pattern.slice(0, -1); // keeps the dot: 'hotmail.'
  return domain.startsWith(label) && WILDCARD_SUFFIX.test(domain.slice(label.length));
}

/** The domain of an address, lower-cased, or null when the text is not (yet) an address. */
export function emailDomain(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = email
    .trim()
    .slice(at + 1)
    .toLowerCase();
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

/** The provider an address belongs to, or null (custom server, or a custom domain we cannot know). */
export function detectProvider(email: string): ProviderPreset | null {
  const domain = emailDomain(email);
  if (!domain) return null;
  return PROVIDERS.find((p) => p.domains.some((d) => domainMatches(domain, d))) ?? null;
}

export function getProvider(id: string): ProviderPreset | null {
  return PROVIDERS.find((p) => p.id === id) ?? null;
}

/** The username a preset expects for this address. */
export function presetUsername(preset: ProviderPreset, email: string): string {
  const trimmed = email.trim();
  return preset.auth.username === 'local-part' ? trimmed.slice(0, trimmed.lastIndexOf('@')) : trimmed;
}
