/** The leak detector itself must find every form of a password, or the leak tests prove nothing. */
import { describe, expect, it } from 'vitest';
import { leakedForms, secretForms } from '../support/secret-forms';

const PASSWORD = 'mta-0123456789abcdef01234567';
const USER = 'tester@localhost';
const forms = secretForms(PASSWORD, USER);

describe('secretForms / leakedForms', () => {
  it('finds the password as is', () => {
    expect(leakedForms(`x ${PASSWORD} y`, forms).length).toBeGreaterThan(0);
  });

  it('finds an AUTH PLAIN payload and an AUTH LOGIN password line', () => {
    const plain = Buffer.from(`\0${USER}\0${PASSWORD}`).toString('base64');
    const login = Buffer.from(PASSWORD).toString('base64');
    expect(leakedForms(`C: AUTH PLAIN ${plain}`, forms).length).toBeGreaterThan(0);
    expect(leakedForms(`C: ${login}`, forms).length).toBeGreaterThan(0);
  });

  it('finds the password inside any longer base64 stream, at every byte offset', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', 'user=x;pass=']) {
      const stream = Buffer.from(`${prefix}${PASSWORD}-trailing-bytes`).toString('base64');
      expect(leakedForms(stream, forms).length, `prefix of ${prefix.length}`).toBeGreaterThan(0);
    }
  });

  it('does not flag text without the password', () => {
    const other = Buffer.from(`\0${USER}\0not-the-password`).toString('base64');
    expect(leakedForms(`AUTH PLAIN ${other} ${USER}`, forms)).toEqual([]);
  });
});
