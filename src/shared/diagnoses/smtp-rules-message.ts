/**
 * Reply rules for the test message itself: its size, its recipients (too many, unknown, mailbox
 * full, refused) and its content (a spam or policy filter). They come after the sending rules in
 * the table (smtp-rules.ts), whose provider-specific replies share some of these codes.
 */
import type { ReplyRule } from './smtp-reply';
import { CHECKED, SOURCES } from './smtp-rules-sources';

const GSMTP = 'a1-20020a5d4c41 - gsmtp';
const RCPT = 'anna.bianchi@example.it';

export const MESSAGE_RULES: readonly ReplyRule[] = [
  // ---- The test message itself.
  {
    id: 'send.too-large',
    enhanced: /^[45]\.(?:3\.4|2\.3)$/,
    example: '552 5.3.4 Message size exceeds fixed limit',
    exampleStep: 'end-of-data',
    source: SOURCES.postfix,
    checked: CHECKED,
    note: 'Postfix; also Gmail (“exceeded Google’s message size limits”), Exchange Server (“fixed maximum message size”) and Microsoft 365 (5.2.3 RESOLVER.RST.SendSizeLimit).',
  },
  {
    id: 'send.too-large',
    text: /message size exceeds|message too (?:big|large)|size exceeds/i,
    example: '552 Message size exceeds maximum permitted',
    exampleStep: 'end-of-data',
    source: SOURCES.eximMain,
    checked: CHECKED,
  },
  {
    id: 'send.too-many-recipients',
    enhanced: /^[45]\.5\.3$/,
    example: `452 4.5.3 Your message has too many recipients. For more information regarding Google's sending limits, visit https://support.google.com/mail/?p=TooManyRecipientsError ${GSMTP}`,
    exampleStep: 'rcpt',
    source: SOURCES.gmail,
    checked: CHECKED,
    note: 'Also Postfix and Exchange (“452 4.5.3 Too many recipients”).',
  },
  {
    id: 'send.too-many-recipients',
    text: /too many recipients/i,
    example: '452 too many recipients',
    exampleStep: 'rcpt',
    source: SOURCES.eximMain,
    checked: CHECKED,
  },
  {
    id: 'send.mailbox-full',
    enhanced: /^[45]\.2\.2$/,
    example: `452 4.2.2 The email account that you tried to reach is over quota. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp ${GSMTP}`,
    exampleStep: 'rcpt',
    source: SOURCES.gmail,
    checked: CHECKED,
    note: 'Also Microsoft 365 (“554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException”).',
  },
  {
    id: 'send.mailbox-full',
    text: /over quota|quota exceeded|mailbox (?:is )?full/i,
    example: '552 Mailbox quota exceeded',
    exampleStep: 'rcpt',
    source: SOURCES.libero,
    checked: CHECKED,
    note: 'Libero and Virgilio show it as “MAILBOX FULL (User quota exceeded)”; Exim and Dovecot say “quota exceeded” or “over quota”.',
  },
  {
    id: 'send.recipient-unknown',
    enhanced: /^5\.1\.(?:1|10)$/,
    example: `550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser ${GSMTP}`,
    exampleStep: 'rcpt',
    source: SOURCES.gmail,
    checked: CHECKED,
    note: 'Also Postfix (“User unknown in virtual mailbox table”) and Microsoft 365 (5.1.10 RESOLVER.ADR.RecipientNotFound).',
  },
  {
    id: 'send.recipient-unknown',
    steps: ['rcpt'],
    text: /no such user|user unknown|unrouteable address|doesn't have a .{0,40}account|mailbox not found/i,
    example: `554 delivery error: dd This user doesn't have a yahoo.com account (${RCPT}) [0] - mta1004.mail.gq1.yahoo.com`,
    exampleStep: 'rcpt',
    source: SOURCES.yahoo,
    checked: CHECKED,
    note: 'Also Exim (“Unrouteable address”) and cPanel (“No Such User Here”).',
  },
  {
    id: 'send.recipient-unknown',
    enhanced: /^5\.4\.1$/,
    text: /recipient address rejected: access denied/i,
    example:
      '550 5.4.1 Recipient address rejected: Access denied. For more information see https://aka.ms/EXOSmtpErrors [AM0PR02CA0001.eurprd02.prod.outlook.com]',
    exampleStep: 'rcpt',
    source: SOURCES.exchangeOnlineNdr,
    checked: CHECKED,
    note: 'Microsoft 365 (Directory-Based Edge Blocking): the address does not exist in the organization.',
  },
  {
    id: 'send.recipient-rejected',
    enhanced: /^5\.7\.(?:12|12[0-9]|13[3-6])$/,
    example:
      '550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed as sender not authenticated',
    exampleStep: 'rcpt',
    source: SOURCES.exchangeOnlineNdr,
    checked: CHECKED,
    note: 'Microsoft 365: the recipient (a group or a mailbox) accepts mail only from some senders (5.7.12, 5.7.120–129, 5.7.133–136).',
  },
  {
    id: 'send.recipient-rejected',
    steps: ['rcpt'],
    enhanced: /^[45]\.1\.\d+$/,
    example: `553 5.1.3 <${RCPT}>: Recipient address rejected: bad address syntax`,
    exampleStep: 'rcpt',
    source: SOURCES.rfc3463,
    checked: CHECKED,
    note: 'Any other address status (x.1.x) at RCPT TO.',
  },
  // ---- The content or the server's policy.
  {
    id: 'send.rejected',
    text: /\bspam detected$/i,
    example: '552 5.2.0 igxL1p00E1WDM2s01gxMXG spam detected',
    exampleStep: 'end-of-data',
    source: SOURCES.arubaBusiness,
    checked: CHECKED,
    note: 'Aruba’s outgoing server refuses mail its filter (or recipients’ reports) marks as spam.',
  },
  {
    id: 'send.rejected',
    text: /likely unsolicited mail|has a policy that prohibited|rejected as spam|potential security issue/i,
    example: `550 5.7.1 [203.0.113.7] Gmail has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. For more information, go to https://support.google.com/mail/?p=UnsolicitedMessageError ${GSMTP}`,
    exampleStep: 'end-of-data',
    source: SOURCES.gmail,
    checked: CHECKED,
    note: 'Also Gmail’s “has a policy that prohibited the mail” and “potential security issue”, and Exchange’s “Message rejected as spam by Content Filtering”.',
  },
  {
    id: 'send.rejected',
    text: /not accepted for policy reasons|message not allowed/i,
    example:
      '554 Message not allowed - [PH01] Email not accepted for policy reasons. Please visit https://help.yahoo.com/kb/postmaster/SLN5067.html [120]',
    exampleStep: 'end-of-data',
    source: SOURCES.yahoo,
    checked: CHECKED,
    note: 'Yahoo; also “554 5.7.9 Message not accepted for policy reasons”.',
  },
  {
    id: 'send.rejected',
    steps: ['end-of-data'],
    enhanced: /^5\.7\.\d+$/,
    example: '550 5.7.1 Message rejected due to content restrictions',
    exampleStep: 'end-of-data',
    source: SOURCES.rfc3463,
    checked: CHECKED,
    note: 'Any policy refusal (5.7.x) of the finished message.',
  },
];
