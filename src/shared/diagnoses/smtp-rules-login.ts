/**
 * Reply rules for logging in (and for the encryption the login needs): provider replies first,
 * then the common mail servers, then the RFC meaning of the code. First match wins across the whole
 * table (smtp-rules.ts puts these first).
 */
import type { ReplyRule } from './smtp-reply';
import { CHECKED, SOURCES } from './smtp-rules-sources';

const MS_TAIL = '[AM0PR02CA0001.eurprd02.prod.outlook.com 2026-11-26T09:41:12.345Z 08DE1A2B3C4D5E70]';

export const LOGIN_RULES: readonly ReplyRule[] = [
  // ---- Microsoft: the way of logging in is refused, not the password.
  {
    id: 'auth.basic-disabled',
    enhanced: /^5\.7\.139$/,
    text: /basic authentication is disabled/i,
    example: `535 5.7.139 Authentication unsuccessful, basic authentication is disabled. ${MS_TAIL}`,
    exampleStep: 'auth',
    source: SOURCES.outlookComModernAuth,
    checked: CHECKED,
    note: 'Outlook.com and Hotmail (every personal account since September 2024) and Microsoft 365 tenants that turned Basic authentication off.',
  },
  {
    id: 'auth.basic-default-off',
    enhanced: /^5\.7\.30$/,
    text: /basic authentication is not supported/i,
    example: '550 5.7.30 Basic authentication is not supported for Client Submission',
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineBasicAuthSmtp,
    checked: CHECKED,
  },
  {
    id: 'auth.smtp-auth-disabled',
    text: /SmtpClientAuthentication is disabled/i,
    example: `535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${MS_TAIL}`,
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineSmtpAuth,
    checked: CHECKED,
    note: 'Also “… is disabled for the Mailbox”.',
  },
  {
    id: 'auth.policy-blocked',
    text: /security defaults policy/i,
    example: `535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator. ${MS_TAIL}`,
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineSmtpAuth,
    checked: CHECKED,
  },
  {
    id: 'auth.policy-blocked',
    text: /did not meet the criteria to be authenticated|conditional access/i,
    example: `535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. ${MS_TAIL}`,
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineSmtpAuth,
    checked: CHECKED,
    note: 'Conditional Access (Microsoft Entra) refused the sign-in.',
  },
  // ---- Account disabled or suspended (RFC 5248 x.7.13, or said in words).
  {
    id: 'auth.account-disabled',
    enhanced: /^5\.7\.13$/,
    example: '535 5.7.13 User account disabled',
    exampleStep: 'auth',
    source: SOURCES.ianaEnhancedCodes,
    checked: CHECKED,
  },
  {
    id: 'auth.account-disabled',
    steps: ['auth'],
    text: /account (?:is |has been )?(?:disabled|suspended|deactivated|blocked)/i,
    example: `535 5.7.139 Authentication unsuccessful, the user account is disabled. ${MS_TAIL}`,
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineSmtpAuth,
    checked: CHECKED,
    note: 'Any server that says in words that the account is disabled, suspended or blocked (the example is the wording Microsoft 365 users report; it is not in Microsoft’s table).',
  },
  // ---- Google.
  {
    id: 'auth.web-login-required',
    code: '534',
    enhanced: /^5\.7\.14$/,
    example: [
      '534-5.7.14 <https://accounts.google.com/signin/continue?sarp=1&scc=1&plt=AKgnsbt> Please log in via',
      '534-5.7.14 your web browser and then try again.',
      '534-5.7.14  Learn more at',
      '534 5.7.14  https://support.google.com/mail/answer/78754 a1-20020a5d4c41 - gsmtp',
    ].join('\r\n'),
    exampleStep: 'auth',
    source: SOURCES.gmail,
    checked: CHECKED,
  },
  {
    id: 'auth.app-password-required',
    text: /application-specific password required|InvalidSecondFactor/i,
    example: [
      '534-5.7.9 Application-specific password required. Learn more at',
      '534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor d2-20020a05600c4c02 - gsmtp',
    ].join('\r\n'),
    exampleStep: 'auth',
    source: SOURCES.gmailAppPasswords,
    checked: CHECKED,
  },
  {
    id: 'auth.too-many-attempts',
    text: /too many (?:login|authentication|failed login) attempts/i,
    example: '454 4.7.0 Too many login attempts, please try again later. a1-20020a5d4c41 - gsmtp',
    exampleStep: 'auth',
    source: SOURCES.gmail,
    checked: CHECKED,
  },
  // ---- Yahoo.
  {
    id: 'auth.too-many-attempts',
    text: /#AUTH005|too many bad auth attempts/i,
    example: '535 5.7.0 (#AUTH005) Too many bad auth attempts.',
    exampleStep: 'auth',
    source: SOURCES.yahoo,
    checked: CHECKED,
  },
  // ---- Encryption needed before the login.
  {
    id: 'auth.starttls-required',
    text: /must issue a STARTTLS command first|STARTTLS (?:is )?required/i,
    example: '530 5.7.0 Must issue a STARTTLS command first. a1-20020a5d4c41 - gsmtp',
    exampleStep: 'auth',
    source: SOURCES.rfc3207,
    checked: CHECKED,
    note: 'RFC 3207’s wording, used by Gmail, Postfix and smtp-server; it can come at any step.',
  },
  {
    id: 'auth.starttls-required',
    code: '538',
    example: '538 5.7.11 Encryption required for requested authentication mechanism',
    exampleStep: 'auth',
    source: SOURCES.rfc4954,
    checked: CHECKED,
  },
  // ---- The login method.
  {
    id: 'auth.method-unsupported',
    steps: ['auth'],
    code: '504',
    example: '504 5.7.4 Unrecognized authentication type',
    exampleStep: 'auth',
    source: SOURCES.exchangeServerRelay,
    checked: CHECKED,
    note: 'Exchange Server’s reply to a login method it does not offer; RFC 4954 gives 504 the same meaning.',
  },
  {
    id: 'auth.method-unsupported',
    steps: ['auth'],
    code: '534',
    example: '534 5.7.9 Authentication mechanism is too weak',
    exampleStep: 'auth',
    source: SOURCES.rfc4954,
    checked: CHECKED,
  },
  // ---- A temporary failure of the login service.
  {
    id: 'server.temporary',
    steps: ['auth'],
    code: '454',
    example: '454 4.7.0 Temporary authentication failure',
    exampleStep: 'auth',
    source: SOURCES.rfc4954,
    checked: CHECKED,
    note: 'Also Gmail’s “454 4.7.0 Cannot authenticate due to a temporary system problem”.',
  },
  // ---- An OAuth token refused (the XOAUTH2 login): its entry is in the OAuth catalogue.
  {
    id: 'oauth.token-rejected',
    steps: ['auth'],
    xoauth2: true,
    example: `535 5.7.3 Authentication unsuccessful ${MS_TAIL}`,
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineSmtpAuth,
    checked: CHECKED,
    note: 'Any refusal of an XOAUTH2 login that no rule above names.',
  },
  // ---- Wrong user name or password.
  {
    id: 'auth.rejected',
    text: /username and password not accepted/i,
    example:
      '535 5.7.8 Username and Password not accepted. For more information, go to https://support.google.com/mail/?p=BadCredentials a1-20020a5d4c41 - gsmtp',
    exampleStep: 'auth',
    source: SOURCES.gmail,
    checked: CHECKED,
  },
  {
    id: 'auth.rejected',
    steps: ['auth'],
    enhanced: /^5\.7\.3$/,
    example: `535 5.7.3 Authentication unsuccessful ${MS_TAIL}`,
    exampleStep: 'auth',
    source: SOURCES.exchangeOnlineNdr,
    checked: CHECKED,
    note: 'Outlook.com, Microsoft 365 and Exchange Server.',
  },
  {
    id: 'auth.rejected',
    steps: ['auth'],
    text: /incorrect authentication data/i,
    example: '535 Incorrect authentication data',
    exampleStep: 'auth',
    source: SOURCES.eximAuth,
    checked: CHECKED,
    note: 'Exim (and so most cPanel hosting).',
  },
  {
    id: 'auth.rejected',
    steps: ['auth'],
    code: '535',
    example: '535 5.7.8 Error: authentication failed: authentication failure',
    exampleStep: 'auth',
    source: SOURCES.postfixSasl,
    checked: CHECKED,
    note: 'Postfix with Cyrus or Dovecot SASL; any 535 means the credentials were not accepted (RFC 4954).',
  },
  {
    id: 'auth.rejected',
    steps: ['auth'],
    enhanced: /^5\.7\.8$/,
    example: '554 5.7.8 Authentication credentials invalid',
    exampleStep: 'auth',
    source: SOURCES.rfc4954,
    checked: CHECKED,
  },
];
