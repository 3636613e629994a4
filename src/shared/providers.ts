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

/** One server of a preset: where to connect and how the connection is protected. */
export interface PresetServer {
  host: string;
  port: number;
  security: PresetSecurity;
}

/**
 * The incoming servers of a mailbox (IMAP, POP3), as data for the IMAP/POP3 checks. Recorded with
 * their own source and date, since they are often documented on another page than SMTP.
 */
export interface IncomingServers {
  imap?: PresetServer;
  pop3?: PresetServer;
  source: string;
  /** ISO date (YYYY-MM-DD) the servers were last checked against `source`. */
  checked: string;
}

/**
 * What the preset is: a mailbox at a mail provider (Outlook.com, Gmail…), a hosting provider's
 * mailbox on your own domain (Aruba), or a transactional sending service's SMTP relay (Brevo…).
 */
export type PresetKind = 'mailbox' | 'hosting' | 'relay';

/**
 * What to type as username: the full address (nearly everyone), its local part, a word the service
 * fixes (`literal`: SendGrid's "apikey"), or a login the service shows in its dashboard
 * (`account-login`: relays, whose user is not an address of yours).
 */
export type UsernameRule = 'email' | 'local-part' | 'literal' | 'account-login';

export interface ProviderPreset {
  id: string;
  name: string;
  /**
   * Address domains that identify the provider. Either exact (`libero.it`) or `label.*`, which matches
   * the label followed by a country/generic suffix (`hotmail.it`, `hotmail.co.uk`). Empty when the
   * provider hosts custom domains only (Microsoft 365, Aruba): then it is offered as a choice.
   */
  domains: readonly string[];
  /** Absent means 'mailbox'. */
  kind?: PresetKind;
  smtp: PresetServer;
  /** IMAP/POP3 of the same mailbox (none for relays, which only send). */
  incoming?: IncomingServers;
  auth: {
    /** The provider wants Modern Auth (OAuth2, "Sign in with Microsoft") for third-party apps. */
    oauthRecommended?: boolean;
    /**
     * Choosing the preset selects "Sign in with Microsoft" (when this copy of Mailcheck can sign in
     * and the program is not password-only): a password cannot work at all (Outlook.com).
     */
    oauthDefault?: boolean;
    /** A password only works as an app password created with two-step verification on. */
    appPasswordRequired?: boolean;
    username: UsernameRule;
    /** With `literal`: the word itself. */
    usernameLiteral?: string;
    /** Where the username and the password come from, when not the mailbox's own (relays). */
    credentials?: Localized;
    notes: Localized;
  };
  /** OAuth tenant to use when signing in (Microsoft only). */
  oauthTenant?: string;
  /** The guide for this provider, when there is one (src/shared/guides). */
  guideId?: string;
  /** The step of that guide about this provider, when the guide covers several. */
  guideStepId?: string;
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
    incoming: {
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
      source:
        'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
      checked: '2026-12-02',
    },
    auth: {
      oauthRecommended: true,
      oauthDefault: true,
      username: 'email',
      notes: {
        en: 'Since September 2024 personal Outlook.com and Hotmail accounts refuse passwords and app passwords in third-party programs: sign in with Microsoft (Modern Auth).',
        it: 'Da settembre 2024 gli account personali Outlook.com e Hotmail rifiutano password e password per le app nei programmi di terze parti: accedi con l’account Microsoft (Modern Auth).',
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
    name: 'Microsoft 365 (Exchange Online)',
    domains: [],
    smtp: { host: 'smtp.office365.com', port: 587, security: 'starttls' },
    incoming: {
      imap: { host: 'outlook.office365.com', port: 993, security: 'tls' },
      pop3: { host: 'outlook.office365.com', port: 995, security: 'tls' },
      source:
        'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-8361e398-8af4-4e97-b147-6c6c4ac95353',
      checked: '2026-12-02',
    },
    auth: {
      oauthRecommended: true,
      username: 'email',
      notes: {
        en: 'At the end of December 2026 Microsoft switches password sign-in for SMTP AUTH off by default; an administrator can switch it back on for the mailbox until the final removal, which Microsoft will date in the second half of 2027. Signing in with Microsoft (OAuth) keeps working; either way Authenticated SMTP must be allowed for the mailbox.',
        it: 'A fine dicembre 2026 Microsoft disattiva per impostazione predefinita l’accesso con password per SMTP AUTH; un amministratore può riattivarlo per la casella fino alla rimozione definitiva, di cui Microsoft darà la data nella seconda metà del 2027. L’accesso con Microsoft (OAuth) continua a funzionare; in entrambi i casi l’SMTP autenticato deve essere consentito per la casella.',
      },
    },
    oauthTenant: 'organizations',
    guideId: 'outlook',
    source:
      'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
    checked: '2026-12-02',
  },
  {
    id: 'gmail',
    name: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    smtp: { host: 'smtp.gmail.com', port: 587, security: 'starttls' },
    incoming: {
      imap: { host: 'imap.gmail.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.gmail.com', port: 995, security: 'tls' },
      source: 'https://developers.google.com/workspace/gmail/imap/imap-smtp',
      checked: '2026-12-02',
    },
    auth: {
      appPasswordRequired: true,
      username: 'email',
      notes: {
        en: 'Turn on 2-Step Verification, then create an app password in your Google Account and use it instead of your normal password.',
        it: 'Attiva la verifica in due passaggi, poi crea una password per le app nell’Account Google e usala al posto della password normale.',
      },
    },
    guideId: 'password-only',
    guideStepId: 'gmail-app-password',
    source: 'https://support.google.com/mail/answer/7126229',
    checked: '2026-11-26',
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    domains: ['yahoo.*', 'ymail.com', 'rocketmail.com'],
    smtp: { host: 'smtp.mail.yahoo.com', port: 465, security: 'tls' },
    incoming: {
      imap: { host: 'imap.mail.yahoo.com', port: 993, security: 'tls' },
      pop3: { host: 'pop.mail.yahoo.com', port: 995, security: 'tls' },
      source: 'https://help.yahoo.com/kb/SLN4075.html',
      checked: '2026-12-02',
    },
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
    incoming: {
      imap: { host: 'imap.mail.me.com', port: 993, security: 'tls' },
      source: 'https://support.apple.com/en-us/102525',
      checked: '2026-12-02',
    },
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
    incoming: {
      imap: { host: 'imapmail.libero.it', port: 993, security: 'tls' },
      pop3: { host: 'popmail.libero.it', port: 995, security: 'tls' },
      source: 'https://aiuto.libero.it/articolo/mail/parametri-di-configurazione-per-il-client-di-posta/',
      checked: '2026-12-02',
    },
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
    kind: 'hosting',
    domains: ['aruba.it'],
    smtp: { host: 'smtps.aruba.it', port: 465, security: 'tls' },
    incoming: {
      imap: { host: 'imaps.aruba.it', port: 993, security: 'tls' },
      pop3: { host: 'pop3s.aruba.it', port: 995, security: 'tls' },
      source: 'https://guide.hosting.aruba.it/email/',
      checked: '2026-12-02',
    },
    auth: {
      username: 'email',
      notes: {
        en: 'Aruba mailboxes usually use your own domain: choose this preset by hand. Username is the full address.',
        it: 'Le caselle Aruba di solito usano il tuo dominio: scegli questo preset a mano. Il nome utente è l’indirizzo completo.',
      },
    },
    guideId: 'password-only',
    guideStepId: 'own-domain',
    source: 'https://guide.hosting.aruba.it/email/',
    checked: '2026-11-26',
  },
  {
    id: 'aruba-pec',
    name: 'Aruba PEC',
    domains: ['pec.it'],
    smtp: { host: 'smtps.pec.aruba.it', port: 465, security: 'tls' },
    incoming: {
      imap: { host: 'imaps.pec.aruba.it', port: 993, security: 'tls' },
      pop3: { host: 'pop3s.pec.aruba.it', port: 995, security: 'tls' },
      source: 'https://guide.pec.it/posta-pec/configurare-casella-pec/',
      checked: '2026-12-02',
    },
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
    incoming: {
      imap: { host: 'in.virgilio.it', port: 993, security: 'tls' },
      pop3: { host: 'in.virgilio.it', port: 995, security: 'tls' },
      source:
        'https://aiuto.virgilio.it/articolo/mail/configurare-virgilio-mail-con-client-di-posta-imap-e-smtp/',
      checked: '2026-12-02',
    },
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
    incoming: {
      imap: { host: 'imap.tim.it', port: 993, security: 'tls' },
      pop3: { host: 'pop.tim.it', port: 995, security: 'tls' },
      source: 'https://www.tim.it/assistenza/assistenza-tecnica/mail/configurazione/protocolli-posta',
      checked: '2026-12-02',
    },
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
    incoming: {
      imap: { host: 'in.alice.it', port: 993, security: 'tls' },
      pop3: { host: 'in.alice.it', port: 995, security: 'tls' },
      source: 'https://www.tim.it/assistenza/assistenza-tecnica/mail/configurazione/protocolli-posta',
      checked: '2026-12-02',
    },
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

  // Transactional sending services: an SMTP relay for a program that can only log in with a
  // password. None of them uses your mailbox's address as the username. Checked on 2026-12-02.
  {
    id: 'brevo',
    name: 'Brevo',
    kind: 'relay',
    domains: [],
    smtp: { host: 'smtp-relay.brevo.com', port: 587, security: 'starttls' },
    auth: {
      username: 'account-login',
      credentials: {
        en: 'Username: the SMTP login shown in Brevo under Settings → SMTP & API → SMTP. Password: an SMTP key generated there (not your Brevo password, not an API key).',
        it: 'Nome utente: il login SMTP mostrato in Brevo in Impostazioni → SMTP e API → SMTP. Password: una chiave SMTP generata lì (non la password di Brevo, non una chiave API).',
      },
      notes: {
        en: 'Ports 587 or 2525 with STARTTLS, or 465 with SSL/TLS. The sender address must be a sender or domain verified in Brevo.',
        it: 'Porte 587 o 2525 con STARTTLS, oppure 465 con SSL/TLS. Il mittente deve essere un mittente o un dominio verificato in Brevo.',
      },
    },
    guideId: 'password-only',
    guideStepId: 'relay',
    source: 'https://developers.brevo.com/docs/smtp-integration',
    checked: '2026-12-02',
  },
  {
    id: 'mailjet',
    name: 'Mailjet',
    kind: 'relay',
    domains: [],
    smtp: { host: 'in-v3.mailjet.com', port: 587, security: 'starttls' },
    auth: {
      username: 'account-login',
      credentials: {
        en: 'Username: your Mailjet API key. Password: its secret key (Account settings → API keys).',
        it: 'Nome utente: la chiave API di Mailjet. Password: la sua chiave segreta (Impostazioni account → Chiavi API).',
      },
      notes: {
        en: 'Port 587 with STARTTLS (465 with SSL/TLS also works). The sender address must be validated in Mailjet.',
        it: 'Porta 587 con STARTTLS (funziona anche la 465 con SSL/TLS). Il mittente deve essere convalidato in Mailjet.',
      },
    },
    guideId: 'password-only',
    guideStepId: 'relay',
    source: 'https://dev.mailjet.com/smtp-relay/configuration/',
    checked: '2026-12-02',
  },
  {
    id: 'sendgrid',
    name: 'SendGrid',
    kind: 'relay',
    domains: [],
    smtp: { host: 'smtp.sendgrid.net', port: 587, security: 'starttls' },
    auth: {
      username: 'literal',
      usernameLiteral: 'apikey',
      credentials: {
        en: 'Username: literally the word apikey. Password: a SendGrid API key with the “Mail Send” permission.',
        it: 'Nome utente: proprio la parola apikey. Password: una chiave API di SendGrid con il permesso «Mail Send».',
      },
      notes: {
        en: 'Port 587 with STARTTLS (465 with SSL/TLS also works). The sender must be a verified sender or domain.',
        it: 'Porta 587 con STARTTLS (funziona anche la 465 con SSL/TLS). Il mittente deve essere un mittente o un dominio verificato.',
      },
    },
    guideId: 'password-only',
    guideStepId: 'relay',
    source: 'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api',
    checked: '2026-12-02',
  },
  {
    id: 'amazon-ses',
    name: 'Amazon SES',
    kind: 'relay',
    domains: [],
    smtp: { host: 'email-smtp.eu-west-1.amazonaws.com', port: 587, security: 'starttls' },
    auth: {
      username: 'account-login',
      credentials: {
        en: 'Username and password: the SMTP credentials created in the SES console (SMTP settings → Create SMTP credentials), not your AWS access keys.',
        it: 'Nome utente e password: le credenziali SMTP create nella console SES (Impostazioni SMTP → Crea credenziali SMTP), non le chiavi di accesso AWS.',
      },
      notes: {
        en: 'The server name carries your SES region: email-smtp.<region>.amazonaws.com (eu-west-1 is only an example; change it to yours). Port 587 with STARTTLS.',
        it: 'Il nome del server contiene la regione SES: email-smtp.<regione>.amazonaws.com (eu-west-1 è solo un esempio: metti la tua). Porta 587 con STARTTLS.',
      },
    },
    guideId: 'password-only',
    guideStepId: 'relay',
    source: 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html',
    checked: '2026-12-02',
  },
  {
    id: 'postmark',
    name: 'Postmark',
    kind: 'relay',
    domains: [],
    smtp: { host: 'smtp.postmarkapp.com', port: 587, security: 'starttls' },
    auth: {
      username: 'account-login',
      credentials: {
        en: 'Username and password: both the Server API token (your server → API Tokens), the same value twice.',
        it: 'Nome utente e password: entrambi il token API del server (il tuo server → API Tokens), lo stesso valore due volte.',
      },
      notes: {
        en: 'Ports 587, 2525 or 25, always with STARTTLS: Postmark has no SSL/TLS port 465.',
        it: 'Porte 587, 2525 o 25, sempre con STARTTLS: Postmark non ha una porta SSL/TLS 465.',
      },
    },
    guideId: 'password-only',
    guideStepId: 'relay',
    source:
      'https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using',
    checked: '2026-12-02',
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
  switch (preset.auth.username) {
    case 'local-part':
      return trimmed.slice(0, trimmed.lastIndexOf('@'));
    case 'literal':
      return preset.auth.usernameLiteral ?? '';
    case 'account-login':
      // The service's own login, which only its dashboard knows: the user pastes it.
      return '';
    default:
      return trimmed;
  }
}

/** Presets of one kind ('mailbox' when the preset does not say). */
export function providersOfKind(kind: PresetKind): ProviderPreset[] {
  return PROVIDERS.filter((p) => (p.kind ?? 'mailbox') === kind);
}
