/** A receiving request is checked like an SMTP one, plus its protocol; nothing is sent when it is bad. */
import { describe, expect, it } from 'vitest';
import { ProbeInputError } from '../../src/engine/probe';
import { runReceiveCheck, validateReceiveRequest } from '../../src/engine/receive';

const good = { protocol: 'imap', host: 'imap.example.it', port: 993, security: 'auto' } as const;

describe('validateReceiveRequest', () => {
  it('accepts IMAP and POP3 requests and keeps the protocol', () => {
    expect(validateReceiveRequest(good)).toMatchObject(good);
    expect(validateReceiveRequest({ ...good, protocol: 'pop3', port: 995 }).protocol).toBe('pop3');
  });

  it.each([
    [{ ...good, protocol: 'smtp' }, 'protocol'],
    [{ ...good, protocol: undefined }, 'protocol'],
    [{ ...good, send: { from: 'a@b.it', to: 'c@d.it' } }, 'send'],
    [{ ...good, port: 0 }, 'port'],
    [{ ...good, host: 'imap.example.it\r\nA1 LOGOUT' }, 'host'],
    [{ ...good, auth: { method: 'password', user: 'me@example.it', password: 'a\r\nb' } }, 'auth.password'],
  ])('refuses %j on its field, in both languages, without echoing the value', (input, field) => {
    let error: unknown;
    try {
      validateReceiveRequest(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProbeInputError);
    expect((error as ProbeInputError).field).toBe(field);
    expect((error as ProbeInputError).messageIt).not.toBe((error as ProbeInputError).message);
    expect((error as Error).message).not.toContain('a\r\nb');
  });

  it('runReceiveCheck throws only for bad input, before any connection', async () => {
    await expect(runReceiveCheck({ ...good, port: 70000 })).rejects.toBeInstanceOf(ProbeInputError);
  });
});
