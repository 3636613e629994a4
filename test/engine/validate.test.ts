/** Input validation: bad settings become a bilingual message about one field, before anything is sent. */
import { describe, expect, it } from 'vitest';
import { ProbeInputError, runProbe, validateProbeRequest } from '../../src/engine/probe';

const base = { host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' };

function fieldOf(input: unknown): string {
  try {
    validateProbeRequest(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ProbeInputError);
    const e = err as ProbeInputError;
    expect(e.message.length).toBeGreaterThan(10);
    expect(e.messageIt.length).toBeGreaterThan(10);
    expect(e.messageIt).not.toBe(e.message);
    return e.field;
  }
  throw new Error('expected a ProbeInputError');
}

describe('validateProbeRequest', () => {
  it('accepts good settings and trims names', () => {
    const req = validateProbeRequest({ ...base, host: ' smtp-mail.outlook.com ', extra: 'dropped' });
    expect(req).toEqual(base);
    expect(validateProbeRequest({ ...base, host: '127.0.0.1' }).host).toBe('127.0.0.1');
    expect(validateProbeRequest({ ...base, host: '::1' }).host).toBe('::1');
    expect(validateProbeRequest({ ...base, host: '2001:db8::1' }).host).toBe('2001:db8::1');
    expect(validateProbeRequest({ ...base, host: '::ffff:192.0.2.1' }).host).toBe('::ffff:192.0.2.1');
  });

  // Anything with ':' must be an IPv6 address as Node parses it; brackets are not accepted.
  it.each(['::::', '1::2::3', ':::1', '2001:db8::g', '[::1]', '::1]', '12345::1', 'smtp.example.com:587'])(
    'rejects the malformed IPv6 literal %j on host',
    (host) => {
      expect(fieldOf({ ...base, host })).toBe('host');
    },
  );

  it('rejects an IPv6 zone id (fe80::1%eth0) with a message that says why', () => {
    expect(fieldOf({ ...base, host: 'fe80::1%eth0' })).toBe('host');
    try {
      validateProbeRequest({ ...base, host: 'fe80::1%eth0' });
    } catch (err) {
      const e = err as ProbeInputError;
      expect(e.message).toMatch(/zone/);
      expect(e.messageIt).toMatch(/zona/);
    }
  });

  it.each([
    [{ ...base, host: '' }, 'host'],
    [{ ...base, host: 'smtp mail.outlook.com' }, 'host'],
    [{ ...base, host: 'smtp.example.com\r\nRCPT TO:<x@y>' }, 'host'],
    [{ ...base, port: 0 }, 'port'],
    [{ ...base, port: 70000 }, 'port'],
    [{ ...base, port: '587' }, 'port'],
    [{ ...base, security: 'ssl' }, 'security'],
    [{ ...base, auth: { method: 'password', user: '', password: 'x' } }, 'auth.user'],
    [{ ...base, auth: { method: 'password', user: 'a@b.c', password: '' } }, 'auth.password'],
    [{ ...base, auth: { method: 'password', user: 'a@b.c', password: 'line\r\nbreak' } }, 'auth.password'],
    [{ ...base, auth: { method: 'oauth2', user: 'a@b.c' } }, 'auth.accessToken'],
    [{ ...base, auth: { method: 'kerberos', user: 'a@b.c' } }, 'auth.method'],
    [{ ...base, send: { from: 'a@b.c', to: 'not an address' } }, 'send.to'],
    [{ ...base, send: { from: 'a@b.c>\r\nDATA', to: 'x@y.z' } }, 'send.from'],
    [{ ...base, timeoutMs: 5 }, 'timeoutMs'],
    [{ ...base, caPem: 'not a certificate' }, 'caPem'],
    [{ ...base, clientName: 'bad name\r\n' }, 'clientName'],
    [null, 'request'],
  ])('rejects %j on %s', (input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('never echoes the password in the error', () => {
    try {
      validateProbeRequest({
        ...base,
        auth: { method: 'password', user: 'a b', password: 'Secret-in-error-1' },
      });
    } catch (err) {
      const e = err as ProbeInputError;
      expect(JSON.stringify({ m: e.message, i: e.messageIt, f: e.field })).not.toContain('Secret-in-error-1');
      return;
    }
    throw new Error('expected an error');
  });

  it('runProbe rejects bad input before opening any connection', async () => {
    await expect(runProbe({ ...base, port: -1 } as never)).rejects.toBeInstanceOf(ProbeInputError);
  });
});
