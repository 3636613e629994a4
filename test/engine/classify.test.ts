/**
 * The classifier table on error shapes that loopback cannot produce for real (a DNS server that
 * times out, a route that does not exist, a firewall that drops packets), built exactly as Node and
 * nodemailer build them, plus the precedence of provider replies over generic codes.
 */
import { describe, expect, it } from 'vitest';
import { classify, factsFromError } from '../../src/engine/probe';
import { REPLIES } from '../fixtures/providers';

function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** nodemailer's _formatError: its own type in `code`, the system code kept in `originalCode`. */
function nodemailerError(
  type: string,
  original: Error & { code?: string },
  command = 'CONN',
  response?: string,
): Error {
  return Object.assign(original, {
    originalCode: original.code,
    code: type,
    command,
    ...(response ? { response, responseCode: Number(response.slice(0, 3)) } : {}),
  });
}

describe('classify', () => {
  it.each([
    ['dns.timeout', 'dns', nodeError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN smtp-mail.outlook.com')],
    ['dns.timeout', 'dns', nodeError('ETIMEDOUT', 'No answer within the time limit (dns)')],
    ['dns.not-found', 'dns', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND smtp-mail.outlok.com')],
    ['net.timeout', 'tcp', nodeError('ETIMEDOUT', 'No answer within the time limit (tcp)')],
    ['net.unreachable', 'tcp', nodeError('ENETUNREACH', 'connect ENETUNREACH 2603:1026::1:587')],
    ['net.unreachable', 'tcp', nodeError('EHOSTUNREACH', 'connect EHOSTUNREACH 52.97.1.1:587')],
    ['net.refused', 'tcp', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:587')],
    ['net.closed', 'ehlo', nodemailerError('ESOCKET', nodeError('ECONNRESET', 'read ECONNRESET'))],
    [
      'tls.expired',
      'tls',
      nodemailerError('ESOCKET', nodeError('CERT_HAS_EXPIRED', 'certificate has expired')),
    ],
    [
      'tls.untrusted',
      'tls',
      nodemailerError(
        'ETLS',
        nodeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'),
        'STARTTLS',
      ),
    ],
    [
      'tls.hostname-mismatch',
      'tls',
      nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"),
    ],
    [
      'tls.mode-mismatch',
      'tls',
      nodeError(
        'ERR_SSL_WRONG_VERSION_NUMBER',
        'C0D7:error:0A00010B:SSL routines:ssl3_get_record:wrong version number',
      ),
    ],
    [
      'tls.handshake-failed',
      'tls',
      nodeError(
        'ECONNRESET',
        'Client network socket disconnected before secure TLS connection was established',
      ),
    ],
    [
      'tls.starttls-unavailable',
      'tls',
      nodemailerError(
        'ETLS',
        new Error('Error upgrading connection with STARTTLS'),
        'STARTTLS',
        '454 4.7.0 TLS not available due to local problem',
      ),
    ],
    ['smtp.timeout', 'auth', nodeError('ETIMEDOUT', 'No answer within the time limit (auth)')],
    ['smtp.no-greeting', 'greeting', nodemailerError('ETIMEDOUT', new Error('Greeting never received'))],
  ])('%s ← %s error', (id, step, err) => {
    expect(classify(factsFromError(err, step as never))).toBe(id);
  });

  it('provider replies win over the generic auth rule, whatever the step', () => {
    const auth = (response: string) =>
      classify(
        factsFromError(nodemailerError('EAUTH', new Error('Invalid login'), 'AUTH LOGIN', response), 'auth'),
      );
    expect(auth(REPLIES.outlookBasicDisabled)).toBe('auth.basic-disabled');
    expect(auth(REPLIES.m365SmtpAuthTenant)).toBe('auth.smtp-auth-disabled');
    expect(auth(REPLIES.m365ConditionalAccess)).toBe('auth.policy-blocked');
    expect(auth(REPLIES.outlookWrongPassword)).toBe('auth.rejected');
    // Gmail's real reply is multi-line; nodemailer joins the lines with \n.
    expect(
      auth(
        '534-5.7.9 Application-specific password required. Learn more at\n534 5.7.9  https://support.google.com/mail/?p=InvalidSecondFactor x - gsmtp',
      ),
    ).toBe('auth.app-password-required');
    const send = classify(
      factsFromError(
        nodemailerError(
          'EENVELOPE',
          new Error('Mail command failed'),
          'MAIL FROM',
          '530 5.7.0 Authentication required',
        ),
        'send',
      ),
    );
    expect(send).toBe('send.auth-required');
  });

  it('tells the reply step from the command nodemailer names, DATA from the end of the message', () => {
    const facts = (command: string, response: string, message = 'x') =>
      factsFromError(nodemailerError('EMESSAGE', new Error(message), command, response), 'send');
    // A 5.7.x policy refusal means "the message was refused" only at the end of the data.
    expect(classify(facts('DATA', '550 5.7.1 Message rejected', 'Message failed'))).toBe('send.rejected');
    expect(classify(facts('DATA', '550 5.7.1 Message rejected', 'Data command failed'))).toBe(
      'reply.permanent',
    );
    expect(classify(facts('RCPT TO', '553 5.1.3 Bad recipient address syntax'))).toBe(
      'send.recipient-rejected',
    );
    expect(classify(facts('MAIL FROM', '553 5.1.3 Bad sender address syntax'))).toBe('reply.permanent');
  });

  it('names every reply with a code, and keeps unknown for replies without one', () => {
    const at = (step: 'greeting' | 'ehlo' | 'auth' | 'send', command: string, response: string) =>
      classify(factsFromError(nodemailerError('EPROTOCOL', new Error('x'), command, response), step));
    expect(at('auth', 'AUTH PLAIN', '599 9.9.9 Something new')).toBe('reply.permanent');
    expect(at('auth', 'AUTH PLAIN', '459 Something new')).toBe('reply.temporary');
    expect(at('ehlo', 'EHLO', '250 weird but it failed')).toBe('reply.permanent');
    expect(at('greeting', 'CONN', 'HTTP/1.1 400 Bad Request')).toBe('unknown');
    // An XOAUTH2 login refused without a specific reason is the token's fault.
    expect(at('auth', 'AUTH XOAUTH2', '535 5.7.3 Authentication unsuccessful')).toBe('oauth.token-rejected');
    expect(at('auth', 'AUTH PLAIN', '535 5.7.3 Authentication unsuccessful')).toBe('auth.rejected');
  });

  it('falls back to unknown', () => {
    expect(classify(factsFromError(new Error('something else'), 'ehlo'))).toBe('unknown');
    expect(classify(factsFromError('a string', 'greeting'))).toBe('unknown');
  });
});
