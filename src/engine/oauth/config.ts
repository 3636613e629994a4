/**
 * Settings of "Sign in with Microsoft": which app (client id), which tenant, which sign-in host.
 * No secret lives here: Mailcheck is a public client (no client secret).
 */

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';

/** Personal Microsoft accounts (Outlook.com, Hotmail, Live). */
export const PERSONAL_TENANT = 'consumers';

/** Environment variable that supplies the client id to the CLI (and the app, as a fallback). */
export const CLIENT_ID_ENV = 'MAILCHECK_MS_CLIENT_ID';

/**
 * Explicit scopes, never `.default`: the SMTP.Send, IMAP and POP permissions of Exchange Online
 * (one sign-in tests sending and receiving), a refresh token (offline_access) and an ID token that
 * names the signed-in address. All three mail scopes belong to the same resource
 * (https://outlook.office.com), so one access token serves SMTP, IMAP and POP3.
 */
export const SMTP_SEND_SCOPE = 'https://outlook.office.com/SMTP.Send';
export const IMAP_SCOPE = 'https://outlook.office.com/IMAP.AccessAsUser.All';
export const POP_SCOPE = 'https://outlook.office.com/POP.AccessAsUser.All';
export const SIGN_IN_SCOPES = [
  SMTP_SEND_SCOPE,
  IMAP_SCOPE,
  POP_SCOPE,
  'offline_access',
  'openid',
  'profile',
  'email',
] as const;
export const SIGN_IN_SCOPE = SIGN_IN_SCOPES.join(' ');

/** Each HTTP request to the sign-in service (discovery, token). */
export const HTTP_TIMEOUT_SECONDS = 20;
/** How long the browser sign-in may take before we give up waiting for the redirect. */
export const BROWSER_SIGN_IN_TIMEOUT_MS = 5 * 60_000;
/** Renew an access token this long before it expires, so it never expires mid-test. */
export const ACCESS_TOKEN_RENEW_MARGIN_MS = 2 * 60_000;

export interface OAuthConfig {
  /** "Application (client) ID" of the app registered in Microsoft Entra. */
  clientId: string;
  /** `consumers` (personal), `organizations`, `common` or a tenant id / domain (Microsoft 365). */
  tenant?: string;
  /** Sign-in host; tests point it at a local server. Default https://login.microsoftonline.com. */
  authorityHost?: string;
  /** Pre-fills the address on Microsoft's sign-in page. */
  loginHint?: string;
}

const TENANT_PATTERN = /^[A-Za-z0-9.-]{1,128}$/;

/** The authority URL (`{host}/{tenant}/v2.0`) used for OpenID discovery. */
export function authorityUrl(cfg: OAuthConfig): URL {
  const host = (cfg.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '');
  const tenant = cfg.tenant?.trim() || PERSONAL_TENANT;
  if (!TENANT_PATTERN.test(tenant)) {
    throw new TypeError('The tenant must be consumers, organizations, common, a tenant id or a domain.');
  }
  const url = new URL(`${host}/${tenant}/v2.0`);
  if (url.protocol !== 'https:' && !isLoopbackHttp(url)) {
    throw new TypeError('The sign-in host must use https.');
  }
  return url;
}

/**
 * Plain http is accepted only for a sign-in server on this machine (the tests' local server);
 * anything else must be https.
 */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The client id to use: the explicit one, else the environment; blank counts as missing. */
export function resolveClientId(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const value = explicit?.trim() || env[CLIENT_ID_ENV]?.trim();
  return value ? value : null;
}
