/**
 * factsFromError with exact values (written from the mutation run, docs/testing.md): what a
 * nodemailer error, a Node system error and anything else thrown become, field by field. The
 * classification rules read these facts, so a wrong field silently changes a diagnosis.
 */
import { describe, expect, it } from 'vitest';
import { classify, factsFromError } from '../../src/engine/probe';
import { replyStepOf } from '../../src/engine/smtp/classify';

const SYSTEM_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'ENODATA',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'ENETDOWN',
  'EHOSTDOWN',
  'ETIMEDOUT',
];

describe('factsFromError', () => {
  it('a nodemailer error: its own code, the original system code, command and reply', () => {
    const err = Object.assign(new Error('Invalid login: 535 5.7.8 Bad credentials'), {
      code: 'EAUTH',
      command: 'AUTH PLAIN',
      response: '535 5.7.8 Bad credentials',
    });
    expect(factsFromError(err, 'auth')).toEqual({
      step: 'auth',
      code: 'EAUTH',
      sysCode: null,
      message: 'Invalid login: 535 5.7.8 Bad credentials',
      command: 'AUTH PLAIN',
      reply: '535 5.7.8 Bad credentials',
    });
    const wrapped = Object.assign(new Error('Connection error'), {
      code: 'ESOCKET',
      originalCode: 'ECONNRESET',
    });
    expect(factsFromError(wrapped, 'tcp')).toMatchObject({ code: 'ESOCKET', sysCode: 'ECONNRESET' });
  });

  it('the system code may also come from the cause', () => {
    const err = Object.assign(new Error('fetch failed'), { cause: { code: 'ENOTFOUND' } });
    expect(factsFromError(err, 'dns')).toMatchObject({ code: null, sysCode: 'ENOTFOUND' });
  });

  it.each(SYSTEM_CODES)('%s is a system code even without nodemailer around it', (code) => {
    expect(factsFromError(Object.assign(new Error('x'), { code }), 'tcp')).toMatchObject({
      code,
      sysCode: code,
    });
  });

  it("a code that is not nodemailer's E-type (OpenSSL, Node's ERR_…) is a system code too", () => {
    for (const code of ['ERR_SSL_WRONG_VERSION_NUMBER', 'CERT_HAS_EXPIRED', 'EPROTO_1', 'Eauth']) {
      expect(factsFromError(Object.assign(new Error('x'), { code }), 'tls'), code).toMatchObject({
        code,
        sysCode: code,
      });
    }
    for (const code of ['EAUTH', 'ESOCKET', 'EENVELOPE', 'ETLS']) {
      expect(factsFromError(Object.assign(new Error('x'), { code }), 'tls'), code).toMatchObject({
        code,
        sysCode: null,
      });
    }
  });

  it('message and reason are joined by one space; an error without text falls back to String(err)', () => {
    expect(
      factsFromError(Object.assign(new Error('TLS failed'), { reason: 'bad cert' }), 'tls').message,
    ).toBe('TLS failed bad cert');
    expect(factsFromError(Object.assign(new Error(''), { reason: 'only reason' }), 'tls').message).toBe(
      'only reason',
    );
    expect(factsFromError(new Error(''), 'tls').message).toBe('Error');
    expect(factsFromError('a string', 'greeting')).toEqual({
      step: 'greeting',
      code: null,
      sysCode: null,
      message: 'a string',
      command: null,
      reply: null,
    });
    expect(factsFromError(null, 'dns').message).toBe('null');
  });

  it('non-string fields are ignored, not stringified', () => {
    const err = Object.assign(new Error('m'), { code: 42, command: {}, response: ['250'], reason: 7 });
    expect(factsFromError(err, 'ehlo')).toEqual({
      step: 'ehlo',
      code: null,
      sysCode: null,
      message: 'm',
      command: null,
      reply: null,
    });
  });

  it("a rule can match nodemailer's own code, with nothing else to go on", () => {
    // ECONNECTION is nodemailer's (not a system code): only facts.code carries it.
    const facts = factsFromError(Object.assign(new Error('x'), { code: 'ECONNECTION' }), 'greeting');
    expect(facts).toMatchObject({ code: 'ECONNECTION', sysCode: null, message: 'x' });
    expect(classify(facts)).toBe('net.closed');
  });
});

describe('replyStepOf: which command a reply answered', () => {
  it.each([
    ['EHLO client.example', 'ehlo', 'x', 'ehlo'],
    ['helo client.example', 'greeting', 'x', 'ehlo'],
    ['LHLO client.example', 'greeting', 'x', 'ehlo'],
    ['STARTTLS', 'ehlo', 'x', 'starttls'],
    ['AUTH PLAIN', 'tls', 'x', 'auth'],
    ['auth xoauth2', 'tls', 'x', 'auth'],
    ['MAIL FROM', 'auth', 'x', 'mail'],
    ['RCPT TO', 'send', 'x', 'rcpt'],
    ['DATA', 'send', 'Data command failed: 554 no', 'data'],
    ['DATA', 'send', 'Message failed: 550 spam', 'end-of-data'],
    ['DATA', 'send', 'Oh no. Message failed', 'data'],
    // CONN is the greeting only at the greeting step; elsewhere nodemailer cannot tell.
    ['CONN', 'greeting', 'x', 'greeting'],
    ['CONN', 'ehlo', 'x', null],
    // No command: the probe's step tells, where it can.
    [null, 'greeting', 'x', 'greeting'],
    [null, 'ehlo', 'x', 'ehlo'],
    [null, 'tls', 'x', 'starttls'],
    [null, 'auth', 'x', 'auth'],
    [null, 'send', 'x', null],
    [null, 'dns', 'x', null],
    // Only a command at the start counts.
    ['XEHLO', 'auth', 'x', 'auth'],
    ['NOOP AUTH', 'send', 'x', null],
    ['', 'send', 'x', null],
  ] as const)('%j at step %s (%s) → %j', (command, step, message, expected) => {
    expect(replyStepOf({ command, step, message })).toBe(expected);
  });

  it('an XOAUTH2 login refusal is read as one (the command names the mechanism)', () => {
    const facts = factsFromError(
      Object.assign(new Error('Invalid login: 535 5.7.3 Authentication unsuccessful'), {
        code: 'EAUTH',
        command: 'AUTH XOAUTH2',
        response: '535 5.7.3 Authentication unsuccessful',
      }),
      'auth',
    );
    const asPassword = { ...facts, command: 'AUTH PLAIN' };
    expect(classify(facts)).not.toBe(classify(asPassword));
  });
});
