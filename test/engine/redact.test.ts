/**
 * The redaction module on its own: known secrets in every encoding, on token boundaries only, and
 * SASL lines by shape.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor, SaslLineFilter } from '../../src/engine/transcript';
import { assertHooksAvailable } from '../../src/engine/probe';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('Redactor', () => {
  const secret = 'Corretto-Cavallo-42';
  const user = 'mario@outlook.it';
  const r = new Redactor();
  r.addSecret(secret, user);

  it.each([
    ['plain', `password is ${secret}!`],
    ['base64', `echo ${b64(secret)}`],
    ['AUTH PLAIN payload', `AUTH PLAIN ${b64(`\u0000${user}\u0000${secret}`)}`],
    ['XOAUTH2 payload', b64(`user=${user}\u0001auth=Bearer ${secret}\u0001\u0001`)],
    ['base64 at offset 1', b64(`x${secret}yz`)],
    ['base64 at offset 2', b64(`xy${secret}z`)],
    ['JSON-escaped', JSON.stringify({ p: secret })],
  ])('removes the secret: %s', (_name, text) => {
    const out = r.scrub(text);
    expect(out).toContain(REDACTED);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(b64(secret).slice(4, 16));
  });

  it('leaves other text alone; a distinctive secret goes even when glued to a word', () => {
    expect(r.scrub('250 OK')).toBe('250 OK');
    expect(r.scrub(`x${secret}y`)).toBe(`x${REDACTED}y`);
  });

  it.each([
    ['e', 'Rejected: e is wrong', `Rejected: ${REDACTED} is wrong`],
    ['pass', 'password pass passe [pass]', `password ${REDACTED} passe [${REDACTED}]`],
    ['2026', 'since 2026-12-02, id 20261', `since ${REDACTED}-12-02, id 20261`],
    ['tls', 'STARTTLS tls-ready', `STARTTLS ${REDACTED}-ready`],
    ['.*', 'a.*b 2.0.0 .* x', `a.*b 2.0.0 ${REDACTED} x`],
    ['e', `hex 65 b64 ZQ== ZQ url e`, `hex ${REDACTED} b64 ${REDACTED} ${REDACTED} url ${REDACTED}`],
  ])('a short secret %j only as a whole token', (short, text, expected) => {
    const small = new Redactor();
    small.addSecret(short, 'mario');
    expect(small.scrub(text)).toBe(expected);
  });

  it('a SASL payload split across reply lines', () => {
    const small = new Redactor();
    small.addSecret('pw', 'mario@example.it');
    const payload = b64('\u0000mario@example.it\u0000pw');
    const out = small.scrub(`535-${payload.slice(0, 10)}\r\n535 ${payload.slice(10)}`);
    expect(out).toBe(`535-${REDACTED}\r\n535 ${REDACTED}`);
  });
});

describe('SaslLineFilter', () => {
  it('hides AUTH payloads and the answers to 334 challenges until the exchange ends', () => {
    const f = new SaslLineFilter();
    expect(f.client('EHLO [127.0.0.1]')).toBe('EHLO [127.0.0.1]');
    expect(f.client('AUTH PLAIN AGEAYg==')).toBe(`AUTH PLAIN ${REDACTED}`);
    f.server('235 ok');
    expect(f.client('AUTH LOGIN')).toBe('AUTH LOGIN');
    f.server('334 VXNlcm5hbWU6');
    expect(f.client('bWFyaW8=')).toBe(REDACTED);
    f.server('334 UGFzc3dvcmQ6');
    expect(f.client('c2VjcmV0')).toBe(REDACTED);
    f.server('535 no');
    expect(f.client('QUIT')).toBe('QUIT');
  });
});

describe('nodemailer internals the probe hooks into', () => {
  it('are still there', () => {
    expect(() => assertHooksAvailable()).not.toThrow();
  });
});
