/**
 * Providers recognised by the domain's preferred MX host: knowledge as data, with where each fact
 * comes from and when it was checked. A custom domain on Microsoft 365 or Google Workspace has no
 * ISPDB entry and often no autoconfig, but its MX names the provider.
 *
 * Checked on 2026-12-02 against the `source` pages.
 */
import type { DiscoveredSecurity, MailProtocol } from './types';

export interface MxProvider {
  id: string;
  name: string;
  /** Matches the MX host name (lower case, no trailing dot). */
  mx: RegExp;
  servers: Array<{ protocol: MailProtocol; host: string; port: number; security: DiscoveredSecurity }>;
  /** The provider wants OAuth2 for mail programs (or will soon refuse passwords). */
  oauth: boolean;
  /** Registrable domains of the provider's own servers (not flagged as foreign). */
  domains: string[];
  source: string;
  checked: string;
}

export const MX_PROVIDERS: readonly MxProvider[] = [
  {
    id: 'microsoft365',
    name: 'Microsoft 365',
    mx: /\.mail\.protection\.outlook\.com$/,
    servers: [
      { protocol: 'smtp', host: 'smtp.office365.com', port: 587, security: 'starttls' },
      { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls' },
      { protocol: 'pop3', host: 'outlook.office365.com', port: 995, security: 'tls' },
    ],
    oauth: true,
    domains: ['office365.com', 'outlook.com'],
    source:
      'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/pop3-and-imap4/pop3-and-imap4',
    checked: '2026-12-02',
  },
  {
    id: 'outlook',
    name: 'Outlook.com',
    mx: /\.olc\.protection\.outlook\.com$/,
    servers: [
      { protocol: 'smtp', host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
      { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls' },
      { protocol: 'pop3', host: 'outlook.office365.com', port: 995, security: 'tls' },
    ],
    oauth: true,
    domains: ['outlook.com', 'office365.com'],
    source:
      'https://support.microsoft.com/en-us/office/pop-imap-and-smtp-settings-for-outlook-com-d088b986-291d-42b8-9564-9c414e2aa040',
    checked: '2026-12-02',
  },
  {
    id: 'google',
    name: 'Google (Gmail, Google Workspace)',
    mx: /(^|\.)google\.com$|(^|\.)googlemail\.com$/,
    servers: [
      { protocol: 'smtp', host: 'smtp.gmail.com', port: 587, security: 'starttls' },
      { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
      { protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls' },
    ],
    oauth: true,
    domains: ['gmail.com', 'google.com', 'googlemail.com'],
    source: 'https://support.google.com/mail/answer/7126229',
    checked: '2026-12-02',
  },
];

export function mxProvider(mxHost: string): MxProvider | null {
  const host = mxHost.toLowerCase().replace(/\.$/, '');
  return MX_PROVIDERS.find((p) => p.mx.test(host)) ?? null;
}
