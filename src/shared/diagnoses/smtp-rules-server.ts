/**
 * Reply rules for trouble on the server's side and for the steps before the login: greylisting and
 * other temporary failures ("try again later, nothing is wrong with your settings"), permanent
 * failures of the mail system, a greeting that turns the connection away, a refused STARTTLS.
 * These come last in the table: they match by code, so every more specific rule goes first.
 */
import type { ReplyRule } from './smtp-reply';
import { CHECKED, SOURCES } from './smtp-rules-sources';

const GSMTP = 'a1-20020a5d4c41 - gsmtp';

export const SERVER_RULES: readonly ReplyRule[] = [
  // ---- STARTTLS refused by the server.
  {
    id: 'tls.starttls-unavailable',
    steps: ['starttls'],
    example: '454 4.7.0 TLS not available due to local problem',
    exampleStep: 'starttls',
    source: SOURCES.rfc3207,
    checked: CHECKED,
    note: 'Any refusal of the STARTTLS command: the connection cannot be encrypted, whatever the reason.',
  },
  // ---- Greylisting: the first attempt from a new sender is deferred on purpose.
  {
    id: 'server.greylisted',
    text: /gr[ae]ylist/i,
    example:
      '450 4.2.0 <anna.bianchi@example.it>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.it.html',
    exampleStep: 'rcpt',
    source: SOURCES.postgrey,
    checked: CHECKED,
  },
  {
    id: 'server.greylisted',
    steps: ['mail', 'rcpt'],
    code: '45',
    enhanced: /^4\.7\.1$/,
    text: /try again later|please retry|deferred/i,
    example: '450 4.7.1 <anna.bianchi@example.it>: Recipient address rejected: Please try again later',
    exampleStep: 'rcpt',
    source: SOURCES.rfc6647,
    checked: CHECKED,
    note: 'RFC 6647: greylisting answers 450 or 451 with 4.7.1 to the envelope.',
  },
  // ---- Encryption too old (Microsoft refuses TLS 1.0/1.1 for SMTP AUTH).
  {
    id: 'tls.handshake-failed',
    text: /TLS 1\.0 and 1\.1 are not supported|support TLS 1\.2/i,
    example:
      '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls.',
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineSmtpAuth,
    checked: CHECKED,
  },
  // ---- A recipient receiving too fast (Gmail): nothing to do with the sender's settings.
  {
    id: 'server.temporary',
    text: /receiving mail (?:too quickly|at a rate)/i,
    example: `450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time. ${GSMTP}`,
    exampleStep: 'rcpt',
    source: SOURCES.gmail,
    checked: CHECKED,
    note: 'Also “550 5.2.1 … receiving mail at a rate that prevents additional messages from being delivered”.',
  },
  // ---- Temporary trouble on the server.
  {
    id: 'server.temporary',
    enhanced: /^4\.3\.\d+$/,
    example: `451 4.3.0 Mail server temporarily rejected message. ${GSMTP}`,
    exampleStep: 'data',
    source: SOURCES.gmail,
    checked: CHECKED,
    note: 'Any mail system status (4.3.x): Gmail’s “421 4.3.0 Temporary System Problem”, Exchange’s back pressure “452 4.3.1 Insufficient system resources”, Postfix’s “451 4.3.0 Error: queue file write error”.',
  },
  {
    id: 'server.temporary',
    code: '421',
    example: `421 4.7.0 Try again later, closing connection. (EHLO) ${GSMTP}`,
    exampleStep: 'ehlo',
    source: SOURCES.gmail,
    checked: CHECKED,
    note: '421: the service is not available and closes the connection (RFC 5321), at any step.',
  },
  {
    id: 'server.temporary',
    code: '451',
    example: '451 Temporary local problem - please try later',
    exampleStep: 'rcpt',
    source: SOURCES.eximAcl,
    checked: CHECKED,
    note: '451: a local error in processing (RFC 5321); also Exchange’s “451 4.7.0 Temporary server error”.',
  },
  // ---- Permanent trouble of the mail system.
  {
    id: 'server.permanent',
    enhanced: /^5\.3\.\d+$/,
    example: '554 5.3.0 Other mail system problem',
    exampleStep: 'end-of-data',
    source: SOURCES.rfc3463,
    checked: CHECKED,
    note: 'Any permanent mail system status (5.3.x) that no rule above names (5.3.4, message too big, comes first).',
  },
  // ---- A greeting that refuses the connection.
  {
    id: 'smtp.rejected',
    steps: ['greeting'],
    code: '5',
    example: '554 No SMTP service here',
    exampleStep: 'greeting',
    source: SOURCES.rfc5321,
    checked: CHECKED,
    note: 'Any other 5xx greeting.',
  },
];
