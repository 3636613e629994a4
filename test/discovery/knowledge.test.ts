/**
 * The discovery's knowledge as data, pinned to the documented facts: the MX → provider table
 * (each provider's servers as its help page gives them, with source and date) and the bounds of an
 * address (RFC 5321). A wrong port, host or pattern here would send people to the wrong server.
 */
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/engine/discovery/address';
import { MX_PROVIDERS, mxProvider } from '../../src/engine/discovery/mx-providers';
import { isHostWithin, registrableDomain } from '../../src/engine/discovery/trust';

describe('MX providers', () => {
  it('hold the servers each provider documents, with OAuth marked, a source and the date checked', () => {
    const byId = Object.fromEntries(MX_PROVIDERS.map((p) => [p.id, p]));
    expect(Object.keys(byId)).toEqual(['microsoft365', 'outlook', 'google']);
    expect(byId.microsoft365?.servers).toEqual([
      { protocol: 'smtp', host: 'smtp.office365.com', port: 587, security: 'starttls' },
      { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls' },
      { protocol: 'pop3', host: 'outlook.office365.com', port: 995, security: 'tls' },
    ]);
    expect(byId.outlook?.servers).toEqual([
      { protocol: 'smtp', host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' },
      { protocol: 'imap', host: 'outlook.office365.com', port: 993, security: 'tls' },
      { protocol: 'pop3', host: 'outlook.office365.com', port: 995, security: 'tls' },
    ]);
    expect(byId.google?.servers).toEqual([
      { protocol: 'smtp', host: 'smtp.gmail.com', port: 587, security: 'starttls' },
      { protocol: 'imap', host: 'imap.gmail.com', port: 993, security: 'tls' },
      { protocol: 'pop3', host: 'pop.gmail.com', port: 995, security: 'tls' },
    ]);
    expect(byId.microsoft365?.name).toBe('Microsoft 365');
    expect(byId.outlook?.name).toBe('Outlook.com');
    expect(byId.google?.name).toBe('Google (Gmail, Google Workspace)');
    expect(byId.microsoft365?.domains).toEqual(['office365.com', 'outlook.com']);
    expect(byId.outlook?.domains).toEqual(['outlook.com', 'office365.com']);
    expect(byId.google?.domains).toEqual(['gmail.com', 'google.com', 'googlemail.com']);
    for (const provider of MX_PROVIDERS) {
      expect(provider.oauth, provider.id).toBe(true);
      expect(provider.source, provider.id).toMatch(/^https:\/\/(learn|support)\.(microsoft|google)\.com\//);
      expect(provider.checked, provider.id).toBe('2026-12-02');
    }
  });

  it.each([
    ['contoso-com.mail.protection.outlook.com', 'microsoft365'],
    ['CONTOSO-COM.MAIL.PROTECTION.OUTLOOK.COM.', 'microsoft365'],
    ['eur.olc.protection.outlook.com', 'outlook'],
    ['aspmx.l.google.com', 'google'],
    ['alt1.aspmx.l.google.com.', 'google'],
    ['google.com', 'google'],
    ['gmail-smtp-in.l.google.com', 'google'],
    ['googlemail.com', 'google'],
    ['mx.googlemail.com', 'google'],
  ])('%s is %s', (mx, id) => {
    expect(mxProvider(mx)?.id).toBe(id);
  });

  it.each([
    'mail.protection.outlook.com',
    'evilmail.protection.outlook.com',
    'contoso.mail.protection.outlook.com.evil.test',
    'olc.protection.outlook.com',
    'x.outlook.com',
    'notgoogle.com',
    'google.com.evil.test',
    'evilgooglemail.com',
    'mx1.ovh.net',
    '',
  ])('%j names no provider', (mx) => {
    expect(mxProvider(mx)).toBeNull();
  });
});

describe('address bounds (RFC 5321)', () => {
  const domain = 'x.it';
  it('a local part of 64 octets is accepted, 65 refused', () => {
    expect(parseAddress(`${'a'.repeat(64)}@${domain}`)?.local).toHaveLength(64);
    expect(parseAddress(`${'a'.repeat(65)}@${domain}`)).toBeNull();
  });

  it('254 characters in all are accepted, 255 refused', () => {
    const label = 'b'.repeat(60);
    const longDomain = (length: number): string => {
      const labels: string[] = [];
      while (labels.join('.').length + 64 < length) labels.push(label);
      const rest = length - labels.join('.').length - 1 - 3;
      return [...labels, 'c'.repeat(rest), 'it'].join('.');
    };
    const local = 'a'.repeat(10);
    const ok = `${local}@${longDomain(254 - local.length - 1)}`;
    expect(ok).toHaveLength(254);
    expect(parseAddress(ok)?.address).toBe(ok);
    const tooLong = `${local}@${longDomain(255 - local.length - 1)}`;
    expect(tooLong).toHaveLength(255);
    expect(parseAddress(tooLong)).toBeNull();
  });

  it.each([
    '.a@x.it',
    'a.@x.it',
    'a<b@x.it',
    'a"b@x.it',
    'a,b@x.it',
    'a;b@x.it',
    'a:b@x.it',
    'a(b@x.it',
    'a\\b@x.it',
  ])('refuses the local part of %j', (raw) => expect(parseAddress(raw)).toBeNull());

  it('keeps dots inside the local part and the last @ as the separator', () => {
    expect(parseAddress('mario.rossi@x.it')).toEqual({
      address: 'mario.rossi@x.it',
      local: 'mario.rossi',
      domain: 'x.it',
    });
    expect(parseAddress('a@b@x.it')).toBeNull();
  });

  it('refuses a domain label over 63 characters and a one-letter top-level domain', () => {
    expect(parseAddress(`a@${'d'.repeat(64)}.it`)).toBeNull();
    expect(parseAddress(`a@${'d'.repeat(63)}.it`)?.domain).toBe(`${'d'.repeat(63)}.it`);
    expect(parseAddress('a@x.i')).toBeNull();
  });
});

describe('trust by registrable domain', () => {
  it('compares case- and trailing-dot-insensitively, public suffixes only', () => {
    expect(registrableDomain('SMTP.Example.CO.UK.')).toBe('example.co.uk');
    // A private suffix (blogspot.com) is not a boundary: the registrable domain is blogspot.com.
    expect(registrableDomain('shop.blogspot.com')).toBe('blogspot.com');
    // No registrable domain (a bare name): the name itself.
    expect(registrableDomain('Localhost.')).toBe('localhost');
    expect(isHostWithin('mail.y.it', ['x.it', 'Y.IT'])).toBe(true);
    expect(isHostWithin('mail.z.it', ['x.it', 'y.it'])).toBe(false);
    expect(isHostWithin('mail.y.it', [])).toBe(false);
  });
});
