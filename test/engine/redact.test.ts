/** The redaction module on its own: known secrets in every encoding, and SASL lines by shape. */
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
    const out = r.redact(text);
    expect(out).toContain(REDACTED);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(b64(secret).slice(4, 16));
  });

  it('leaves other text alone, and walks objects', () => {
    expect(r.redact('250 OK')).toBe('250 OK');
    expect(r.redactDeep({ a: [secret, 1, null], b: { c: `x${secret}` } })).toEqual({
      a: [REDACTED, 1, null],
      b: { c: `x${REDACTED}` },
    });
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
