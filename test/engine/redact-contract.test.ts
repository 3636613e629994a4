/**
 * The redaction contract with exact outputs (written from the mutation run, docs/testing.md): each
 * form a secret travels in is replaced WHOLE by one marker (not fragment by fragment, which would
 * leave base64 remnants around it), tiny and empty secrets, and the SASL filter's edges (where an
 * exchange starts and ends). Independent of how the Redactor finds the forms inside.
 */
import { describe, expect, it } from 'vitest';
import { REDACTED, Redactor, SaslLineFilter, xoauth2Response } from '../../src/engine/transcript';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
/** 20 characters: its base64 ends in a partial group, so fragment-by-fragment would leave "=" tails. */
const SECRET = 'Corretto"Cavallo\\42é';
const USER = 'mario@outlook.it';

function redactorFor(secret: string, user?: string): Redactor {
  const r = new Redactor();
  r.addSecret(secret, user);
  return r;
}

// Redactors are made inside each test, never while the file is collected: code run at collection
// time counts as "static" for Stryker and its mutants are not told apart per test.
describe('Redactor: every form is replaced whole, by exactly one marker', () => {
  it('the marker', () => {
    expect(REDACTED).toBe('<redacted>');
  });

  it.each([
    ['raw', `password is ${SECRET}!`, 'password is <redacted>!'],
    ['base64', `echo ${b64(SECRET)} done`, 'echo <redacted> done'],
    ['JSON-escaped', JSON.stringify({ p: SECRET }), '{"p":"<redacted>"}'],
    ['URL-encoded', `?p=${encodeURIComponent(SECRET)}&x=1`, '?p=<redacted>&x=1'],
    [
      'AUTH PLAIN \\0user\\0pass',
      `AUTH PLAIN ${b64(`\u0000${USER}\u0000${SECRET}`)}`,
      'AUTH PLAIN <redacted>',
    ],
    ['AUTH PLAIN user\\0user\\0pass', `535 ${b64(`${USER}\u0000${USER}\u0000${SECRET}`)}`, '535 <redacted>'],
    ['XOAUTH2 payload', `AUTH XOAUTH2 ${b64(xoauth2Response(USER, SECRET))}`, 'AUTH XOAUTH2 <redacted>'],
  ])('%s', (_name, text, expected) => {
    expect(redactorFor(SECRET, USER).scrub(text)).toBe(expected);
  });

  it('base64 of a secret whose length is not a multiple of 3 (its last group is padded)', () => {
    const odd = 'Corretto-Cavallo-42';
    expect(Buffer.byteLength(odd) % 3).not.toBe(0);
    expect(redactorFor(odd).scrub(`echo ${b64(odd)} done`)).toBe('echo <redacted> done');
  });

  it('a base64 token that holds the secret is replaced whole; its neighbours stay', () => {
    expect(redactorFor(SECRET).scrub(`535 ${b64(`${SECRET}XY`)} ${b64('XY')}`)).toBe(
      `535 ${REDACTED} ${b64('XY')}`,
    );
  });

  it('at every byte alignment inside a longer base64 token', () => {
    const secret = 'Corretto-Cavallo-42!';
    const r = redactorFor(secret);
    for (const prefix of ['', 'x', 'xy'])
      expect(r.scrub(`334 ${b64(`${prefix}${secret}YZ`)}`), JSON.stringify(prefix)).toBe(`334 ${REDACTED}`);
  });

  it('a secret that contains another registered secret is replaced whole (longest first)', () => {
    const r = redactorFor('abcd1234');
    r.addSecret('xxabcd1234yy');
    expect(r.scrub('[xxabcd1234yy]')).toBe('[<redacted>]');
  });

  it('the XOAUTH2 initial response is the one Google and Microsoft expect', () => {
    expect(xoauth2Response('a@b.c', 'tok')).toBe('user=a@b.c\u0001auth=Bearer tok\u0001\u0001');
  });

  it('without a user, the user-bound payloads are not registered (nothing to match them)', () => {
    const alone = redactorFor(SECRET);
    expect(alone.scrub(`x ${SECRET} y`)).toBe('x <redacted> y');
    expect(alone.scrub(`x ${b64(SECRET)} y`)).toBe('x <redacted> y');
  });

  it('several secrets, each in its own forms', () => {
    const two = redactorFor('first-secret-1', USER);
    two.addSecret('second-secret-2');
    expect(two.scrub('first-secret-1 and second-secret-2')).toBe('<redacted> and <redacted>');
    expect(two.scrub(b64('second-secret-2'))).toBe('<redacted>');
  });
});

describe('Redactor: short and empty secrets', () => {
  it('an empty secret registers nothing', () => {
    const r = redactorFor('', USER);
    expect(r.scrub('250 OK')).toBe('250 OK');
    expect(r.scrub('')).toBe('');
  });

  it('a secret shorter than 4 characters is still hidden where it appears whole, and in base64', () => {
    const r = redactorFor('abc');
    expect(r.scrub('xx abc yy')).toBe('xx <redacted> yy');
    expect(r.scrub('YWJj')).toBe('<redacted>');
    // Its base64 fragments at other alignments ("Fi", "h") are too short to search for.
    expect(r.scrub('Fish and chips')).toBe('Fish and chips');
  });

  it('a 4-character base64 fragment of a longer payload is still searched for', () => {
    // "abcd" at the start of a payload: "YWJj" (its first 3 bytes) depends on it alone.
    expect(b64('abcdXY')).toBe('YWJjZFhZ');
    expect(redactorFor('abcd').scrub(`x ${b64('abcdXY')} y`)).toBe(`x ${REDACTED} y`);
  });

  it('a short password never cuts a word of the server text in half', () => {
    const r = redactorFor('pass');
    expect(r.scrub('password is pass, passes: pass.')).toBe(`password is ${REDACTED}, passes: ${REDACTED}.`);
  });
});

describe('Redactor: the other encodings a secret travels in', () => {
  it('URL-encoded with upper- or lower-case escapes, form-encoded spaces, hex in both cases', () => {
    const secret = 'pa ss/é!9';
    const url = encodeURIComponent(secret);
    const hex = Buffer.from(secret, 'utf8').toString('hex');
    const r = redactorFor(secret);
    for (const form of [
      url,
      url.replace(/%20/g, '+'),
      url.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      hex,
      hex.toUpperCase(),
    ])
      expect(r.scrub(`q=${form}&x=1`), form).toBe(`q=${REDACTED}&x=1`);
  });

  it('base64url, alone and inside a longer token', () => {
    // Its base64 has '/' and '+', which base64url writes '_' and '-'.
    const secret = '???>>>???>>>';
    expect(b64(secret)).toBe('Pz8/Pj4+Pz8/Pj4+');
    const url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
    const r = redactorFor(secret);
    expect(r.scrub(`x ${url(secret)} y`)).toBe(`x ${REDACTED} y`);
    for (const prefix of ['a', 'ab', 'abc'])
      expect(r.scrub(`x ${url(`${prefix}${secret}zz`)} y`), prefix).toBe(`x ${REDACTED} y`);
  });

  it('a distinctive secret (8 characters or more) is removed even inside a word', () => {
    expect(redactorFor('Pa55word').scrub('xPa55wordx')).toBe(`x${REDACTED}x`);
    // 7 characters: only as a word of its own.
    expect(redactorFor('Pa55wor').scrub('xPa55worx Pa55wor')).toBe(`xPa55worx ${REDACTED}`);
  });

  it('of two secrets, the longer one wins where both start', () => {
    const r = redactorFor('abcd1234');
    r.addSecret('abcd1234zz');
    expect(r.scrub('[abcd1234zz]')).toBe('[<redacted>]');
  });

  it('a piece of an AUTH payload split across reply lines: 4 characters or more', () => {
    const payload = b64(`\u0000${USER}\u0000${SECRET}`);
    const r = redactorFor(SECRET, USER);
    expect(r.scrub(`334 ${payload.slice(0, 12)}`)).toBe(`334 ${REDACTED}`);
    expect(r.scrub(`334 ${payload.slice(0, 4)}`)).toBe(`334 ${REDACTED}`);
    // Three characters are too common to attribute to the payload.
    expect(r.scrub(`334 ${payload.slice(0, 3)}`)).toBe(`334 ${payload.slice(0, 3)}`);
  });
});

describe('SaslLineFilter: where an exchange starts and ends', () => {
  it('an AUTH with its payload is cut after the mechanism, whatever the spacing or case', () => {
    expect(new SaslLineFilter().client('AUTH PLAIN AGEAYg==')).toBe(`AUTH PLAIN ${REDACTED}`);
    expect(new SaslLineFilter().client('auth plain AGEAYg==')).toBe(`auth plain ${REDACTED}`);
    expect(new SaslLineFilter().client('AUTH  PLAIN AGEAYg==')).toBe(`AUTH  PLAIN ${REDACTED}`);
    expect(new SaslLineFilter().client('AUTH PLAIN  AGEAYg==')).toBe(`AUTH PLAIN ${REDACTED}`);
  });

  it('after an AUTH with a payload, the answer to a 334 error challenge is hidden too', () => {
    const f = new SaslLineFilter();
    expect(f.client('AUTH XOAUTH2 dXNlcj1h')).toBe(`AUTH XOAUTH2 ${REDACTED}`);
    f.server('334 eyJzdGF0dXMiOiI0MDEifQ==');
    expect(f.client('')).toBe(REDACTED);
    f.server('535 5.7.3 Authentication unsuccessful');
    expect(f.client('QUIT')).toBe('QUIT');
  });

  it('an AUTH without a payload (with spaces around, two spaces inside) starts the exchange', () => {
    for (const line of ['AUTH LOGIN', 'AUTH LOGIN  ', 'AUTH  LOGIN', 'auth login']) {
      const f = new SaslLineFilter();
      expect(f.client(line)).toBe(line);
      f.server('334 VXNlcm5hbWU6');
      expect(f.client('bWFyaW8='), line).toBe(REDACTED);
    }
  });

  it('a line that only contains "AUTH" is not an AUTH command', () => {
    const f = new SaslLineFilter();
    expect(f.client('XAUTH LOGIN')).toBe('XAUTH LOGIN');
    expect(f.client('XAUTH PLAIN AGEAYg==')).toBe('XAUTH PLAIN AGEAYg==');
    expect(f.client('NOOP')).toBe('NOOP');
  });

  it('any reply but a 334 at its start ends the exchange', () => {
    const f = new SaslLineFilter();
    f.client('AUTH LOGIN');
    f.server('334 VXNlcm5hbWU6');
    expect(f.client('bWFyaW8=')).toBe(REDACTED);
    f.server('235 2.7.0 Accepted, next 334 maybe');
    expect(f.client('MAIL FROM:<a@b.c>')).toBe('MAIL FROM:<a@b.c>');
  });

  it('334 followed by a hyphen (multi-line challenge) keeps the exchange open', () => {
    const f = new SaslLineFilter();
    f.client('AUTH LOGIN');
    f.server('334-first line');
    f.server('334 VXNlcm5hbWU6');
    expect(f.client('bWFyaW8=')).toBe(REDACTED);
  });
});
