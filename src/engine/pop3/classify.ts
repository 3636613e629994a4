/**
 * POP3 replies → catalogue ids. Knowledge as data: an ordered table, the first match wins, exact
 * provider texts first. `reply` is the server's status line (`-ERR [AUTH] …`). Response codes are
 * RFC 2449's [IN-USE] and [LOGIN-DELAY] and RFC 3206's [AUTH] and [SYS/TEMP]. The runner's
 * NETWORK_RULES come after these.
 */
import type { Rule } from '../runner/classify';

export const POP3_RULES: readonly Rule[] = [
  // Gmail, two-step verification on: -ERR [AUTH] Application-specific password required…
  { id: 'auth.app-password-required', reply: /Application-specific password required/i },
  // POP switched off for the account (Outlook.com keeps it off until the user turns it on; Gmail's
  // "not enabled for POP access"; Microsoft 365 "User is authenticated but not connected").
  {
    id: 'receive.disabled',
    reply: /not enabled for POP|POP3? (access )?(is )?disabled|authenticated but not connected/i,
  },
  // Outlook.com / Microsoft 365: basic authentication (password) refused.
  {
    id: 'auth.basic-disabled',
    steps: ['auth'],
    command: /^(USER|PASS|AUTH (PLAIN|LOGIN))$/i,
    reply: /^-ERR Logon failure\b/i,
  },
  // Plaintext login refused until TLS (Dovecot: "Plaintext authentication disallowed on non-secure…").
  { id: 'auth.starttls-required', reply: /Plaintext authentication (is )?disallowed|\[PRIVACYREQUIRED\]/i },
  // The maildrop is locked by another session (RFC 2449 IN-USE), or logins come too often.
  { id: 'receive.in-use', reply: /\[IN-USE\]|\[LOGIN-DELAY\]/i },
  // Temporary trouble at the server (RFC 3206 SYS/TEMP).
  { id: 'receive.unavailable', reply: /\[SYS\/TEMP\]/i },
  { id: 'oauth.token-rejected', steps: ['auth'], command: /XOAUTH2/i, reply: /^-ERR\b/i },
  { id: 'auth.rejected', steps: ['auth'], reply: /^-ERR\b/i },
  { id: 'receive.greeting-refused', steps: ['greeting'], reply: /^-ERR\b/i },
  { id: 'tls.starttls-unavailable', steps: ['tls'], command: /^STLS$/i, reply: /^-ERR\b/i },
  { id: 'receive.mailbox-failed', steps: ['mailbox'], reply: /^-ERR\b/i },
];
