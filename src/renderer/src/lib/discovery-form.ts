/**
 * What discovery's answer does to the Account form, and which "found via …" labels still hold.
 * Pure: the hook (useDiscovery) fetches, this decides. A label belongs to the value discovery put
 * in a server's fields: as soon as the user edits one of them, that server's label goes.
 */
import type { DiscoveryAnswer, FoundSetting } from '../../../shared/discovery-types';
import { CUSTOM_PROVIDER_ID, PROVIDERS, type ProviderPreset } from '../../../shared/providers';
import type { MessageKey } from '../i18n/messages';
import type { AccountForm, PresetOptions } from './form';
import type { IncomingForm } from './incoming-form';

/** A plausible, complete address: something@domain.tld, no spaces. Discovery starts only then. */
export function isCompleteAddress(email: string): boolean {
  return /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*\.[a-z]{2,}$/i.test(email.trim());
}

const sameHost = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The preset whose sending server discovery found (Microsoft 365, Gmail…): its notes and guide apply. */
export function presetOfHost(host: string): ProviderPreset | null {
  return PROVIDERS.find((p) => sameHost(p.smtp.host, host)) ?? null;
}

/** The incoming server discovery found: IMAP first (it keeps mail on the server), else POP3. */
export function incomingSetting(
  answer: DiscoveryAnswer,
): { protocol: 'imap' | 'pop3'; setting: FoundSetting } | null {
  if (answer.imap) return { protocol: 'imap', setting: answer.imap };
  if (answer.pop3) return { protocol: 'pop3', setting: answer.pop3 };
  return null;
}

const smtpFields = (f: AccountForm) => [f.host, f.port, f.security].join('\n');
const incomingFields = (f: AccountForm) =>
  [f.incoming.enabled, f.incoming.protocol, f.incoming.host, f.incoming.port, f.incoming.security].join('\n');

/**
 * Fills the servers from the answer; the user's own entries (password, where the settings go…)
 * stay. A provider that wants Microsoft's sign-in selects it when this copy can sign in.
 * `asked`: the form when the search started; a server the user edited since then is left as it is.
 */
export function withDiscovery(
  form: AccountForm,
  answer: DiscoveryAnswer,
  opts: PresetOptions = {},
  asked: AccountForm = form,
): AccountForm {
  const next: AccountForm = { ...form };
  const email = form.email.trim();
  const smtp = smtpFields(form) === smtpFields(asked) ? answer.smtp : null;
  if (smtp) {
    next.host = smtp.host;
    next.port = String(smtp.port);
    next.security = smtp.security;
    if (smtp.username && (!form.user.trim() || form.user.trim() === email)) next.user = smtp.username;
    const preset = presetOfHost(smtp.host);
    next.providerId = preset?.id ?? CUSTOM_PROVIDER_ID;
    if (preset?.oauthTenant) next.oauthTenant = preset.oauthTenant;
    const microsoft = Boolean(preset?.oauthTenant);
    if (answer.oauth && microsoft && opts.signInAvailable && form.usageSignIn !== 'no') {
      next.authMethod = 'oauth2';
    } else if (form.authMethod === 'oauth2' && !microsoft) {
      // Microsoft's sign-in means nothing to another provider's server.
      next.authMethod = 'password';
    }
  }
  const found = incomingFields(form) === incomingFields(asked) ? incomingSetting(answer) : null;
  if (found) {
    const { protocol, setting } = found;
    const login = next.user.trim();
    const incoming: IncomingForm = {
      enabled: true,
      protocol,
      host: setting.host,
      port: String(setting.port),
      security: setting.security,
      user: setting.username && setting.username !== login ? setting.username : '',
    };
    next.incoming = incoming;
  }
  return next;
}

/** The labels that still hold: a server's label only while its fields keep what discovery put there. */
export function foundLabels(
  form: AccountForm,
  answer: DiscoveryAnswer | null,
): { smtp: FoundSetting | null; incoming: FoundSetting | null } {
  if (!answer || answer.address.toLowerCase() !== form.email.trim().toLowerCase()) {
    return { smtp: null, incoming: null };
  }
  const smtp = answer.smtp;
  const smtpHolds =
    smtp !== null &&
    sameHost(form.host, smtp.host) &&
    form.port.trim() === String(smtp.port) &&
    form.security === smtp.security;
  const found = incomingSetting(answer);
  const inc = form.incoming;
  const incomingHolds =
    found !== null &&
    inc.enabled &&
    inc.protocol === found.protocol &&
    sameHost(inc.host, found.setting.host) &&
    inc.port.trim() === String(found.setting.port) &&
    inc.security === found.setting.security;
  return { smtp: smtpHolds ? smtp : null, incoming: incomingHolds ? found.setting : null };
}

/** The words of a label's source. */
export function sourceLabel(
  setting: FoundSetting,
  provider: string | null,
): { key: MessageKey; params?: Record<string, string> } {
  switch (setting.source) {
    case 'autoconfig':
      return { key: 'discovery.via.autoconfig' };
    case 'ispdb':
      return { key: 'discovery.via.ispdb' };
    case 'mx':
      return provider ? { key: 'discovery.via.mx', params: { provider } } : { key: 'discovery.via.mxPlain' };
    case 'srv':
      return { key: 'discovery.via.srv' };
    case 'guess':
      return { key: 'discovery.via.guess' };
  }
}
