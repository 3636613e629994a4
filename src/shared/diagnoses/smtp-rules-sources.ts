/**
 * The references the SMTP reply rules come from (one constant each, so every rule names its source
 * the same way), and the date they were last checked.
 */

/** When the rules were last checked against their sources. */
export const CHECKED = '2026-12-02';

export const SOURCES = {
  /** Google Workspace Admin Help, "Gmail SMTP errors and codes". */
  gmail: 'https://support.google.com/a/answer/3726730',
  /** Google: "Sign in with app passwords" (Gmail accepts app passwords with 2-Step Verification on). */
  gmailAppPasswords: 'https://support.google.com/accounts/answer/185833',
  /** Microsoft Learn: "Email non-delivery reports and SMTP errors in Exchange Online". */
  exchangeOnlineNdr:
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online',
  /** Microsoft Learn: "Fix error code 5.7.57 in Exchange Online". */
  exchangeOnline5757:
    'https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/fix-error-code-5-7-57-in-exchange-online',
  /** Microsoft Learn: "Enable or disable authenticated client SMTP submission (SMTP AUTH)". */
  exchangeOnlineSmtpAuth:
    'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission',
  /**
   * Exchange Team blog (2026-01-27): Basic authentication for SMTP AUTH off by default from the end
   * of December 2026, admins can turn it back on until the final removal dated in H2 2027.
   */
  exchangeOnlineBasicAuthSmtp:
    'https://techcommunity.microsoft.com/blog/exchange/updated-exchange-online-smtp-auth-basic-authentication-deprecation-timeline/4489835',
  /** Microsoft Learn: "Exchange Online limits" (sending limits, recipient rate, concurrency). */
  exchangeOnlineLimits:
    'https://learn.microsoft.com/en-us/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits',
  /** Microsoft Support: Outlook.com needs Modern Authentication in other mail apps (since Sept 2024). */
  outlookComModernAuth:
    'https://support.microsoft.com/en-us/office/modern-authentication-methods-now-needed-to-continue-syncing-outlook-email-in-non-microsoft-email-apps-c5d65390-9676-4763-b41f-d7986499a90d',
  /** Outlook.com postmaster: troubleshooting and error codes (S3150 and friends). */
  outlookComPostmaster: 'https://sendersupport.olc.protection.outlook.com/pm/troubleshooting.aspx',
  /** Microsoft Learn: Exchange Server (on-premises) receive connectors and anonymous relay. */
  exchangeServerRelay:
    'https://learn.microsoft.com/en-us/exchange/mail-flow/connectors/allow-anonymous-relay',
  /** Microsoft Learn: Exchange Server (on-premises) message size limits. */
  exchangeServerSizeLimits: 'https://learn.microsoft.com/en-us/exchange/mail-flow/message-size-limits',
  /** Yahoo Sender Hub: SMTP error codes. */
  yahoo: 'https://senders.yahooinc.com/smtp-error-codes/',
  /** Libero (Italiaonline): the most frequent error messages after sending (Virgilio has the same page). */
  libero: 'https://aiuto.libero.it/articolo/mail/messaggi-di-errore-piu-frequenti-dopo-invio-email',
  /** Aruba Business: common errors when sending and receiving. */
  arubaBusiness:
    'https://guide.arubabusiness.it/email/configurazioni-email-arubabusiness/errori-comuni-invio-ricezione-posta',
  /** Postfix: postconf(5) (smtpd restrictions, RBL replies, limits). */
  postfix: 'https://www.postfix.org/postconf.5.html',
  /** Postfix: postscreen(8), the zombie blocker in front of smtpd. */
  postscreen: 'https://www.postfix.org/postscreen.8.html',
  /** Postfix: SASL_README (login through Cyrus or Dovecot SASL). */
  postfixSasl: 'https://www.postfix.org/SASL_README.html',
  /** Postgrey, the greylisting policy server used with Postfix. */
  postgrey: 'https://postgrey.schweikert.ch/',
  /** Exim specification: SMTP authentication. */
  eximAuth: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-smtp_authentication.html',
  /** Exim specification: access control lists (relay, dnslists). */
  eximAcl: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html',
  /** Exim specification: main configuration (message_size_limit, recipients_max). */
  eximMain: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-main_configuration.html',
  /** cPanel & WHM (Exim): Tweak Settings, "Max hourly emails per domain". */
  cpanel: 'https://docs.cpanel.net/whm/server-configuration/tweak-settings/',
  /** RFC 3207: SMTP over TLS (STARTTLS). */
  rfc3207: 'https://www.rfc-editor.org/rfc/rfc3207',
  /** RFC 3463: Enhanced Mail System Status Codes. */
  rfc3463: 'https://www.rfc-editor.org/rfc/rfc3463',
  /** RFC 4954: SMTP Service Extension for Authentication. */
  rfc4954: 'https://www.rfc-editor.org/rfc/rfc4954',
  /** RFC 5248 / IANA: SMTP Enhanced Status Codes registry. */
  ianaEnhancedCodes: 'https://www.iana.org/assignments/smtp-enhanced-status-codes',
  /** RFC 5321: Simple Mail Transfer Protocol. */
  rfc5321: 'https://www.rfc-editor.org/rfc/rfc5321',
  /** RFC 6647: Email Greylisting. */
  rfc6647: 'https://www.rfc-editor.org/rfc/rfc6647',
} as const;
