/**
 * IMAP replies → catalogue ids. Knowledge as data: an ordered table, the first match wins, exact
 * provider texts first. `reply` is the tagged line without its tag (`NO [AUTHENTICATIONFAILED] …`)
 * or, at the greeting, the whole line (`* BYE …`). The runner's NETWORK_RULES come after these.
 * To teach Mailcheck a new reply: a row here, an entry in src/shared/diagnoses/receive.ts when no
 * existing id fits, and a fake-server case in test/receive/providers.test.ts.
 */
import type { Rule } from '../runner/classify';

export const IMAP_RULES: readonly Rule[] = [
  // Gmail, two-step verification on, normal password: NO [ALERT] Application-specific password required…
  { id: 'auth.app-password-required', reply: /Application-specific password required/i },
  // IMAP switched off for the account (Gmail's "not enabled for IMAP use"; Microsoft 365 when the
  // mailbox has IMAP disabled answers "User is authenticated but not connected").
  {
    id: 'receive.disabled',
    reply: /not enabled for IMAP|IMAP (access )?(is )?disabled|authenticated but not connected/i,
  },
  // Outlook.com / Microsoft 365: basic authentication (password) refused: "NO AUTHENTICATE failed."
  // (Microsoft answers a refused XOAUTH2 token the same way: that is oauth.token-rejected below.)
  {
    id: 'auth.basic-disabled',
    steps: ['auth'],
    command: /^(LOGIN|AUTHENTICATE (PLAIN|LOGIN))$/i,
    reply: /^NO (AUTHENTICATE|LOGIN) failed\.?\s*$/i,
  },
  // Plaintext login refused until TLS (RFC 5530 PRIVACYREQUIRED; Dovecot's wording).
  {
    id: 'auth.starttls-required',
    reply: /\[PRIVACYREQUIRED\]|Plaintext authentication (is )?disallowed/i,
  },
  // Temporary trouble at the server (RFC 5530 UNAVAILABLE), at any step.
  { id: 'receive.unavailable', reply: /\[UNAVAILABLE\]/i },
  // The mailbox is in use by another session (RFC 5530 INUSE).
  { id: 'receive.in-use', reply: /\[INUSE\]/i },
  // A refused XOAUTH2 token has its entry in the OAuth catalogue.
  { id: 'oauth.token-rejected', steps: ['auth'], command: /XOAUTH2/i, reply: /^(NO|BAD)\b/i },
  { id: 'auth.rejected', steps: ['auth'], reply: /\[AUTHENTICATIONFAILED\]|^NO\b/i },
  { id: 'receive.greeting-refused', steps: ['greeting'], reply: /^\* BYE\b/i },
  { id: 'tls.starttls-unavailable', steps: ['tls'], command: /^STARTTLS$/i, reply: /^(NO|BAD)\b/i },
  { id: 'receive.mailbox-failed', steps: ['mailbox'], reply: /^(NO|BAD)\b/i },
];
