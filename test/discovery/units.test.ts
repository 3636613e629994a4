/** The small pure pieces of discovery: address, config XML, trust, printable, DNS server list, choice. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/engine/discovery/address';
import { candidatesFromConfig } from '../../src/engine/discovery/candidates';
import { choose } from '../../src/engine/discovery/choose';
import { fillTemplate, parseConfigXml } from '../../src/engine/discovery/config-xml';
import { parseDnsServers } from '../../src/engine/discovery/dns';
import { mxProvider } from '../../src/engine/discovery/mx-providers';
import { printable } from '../../src/engine/discovery/printable';
import { guessCandidates } from '../../src/engine/discovery/sources/guess';
import { isHostWithin, registrableDomain } from '../../src/engine/discovery/trust';
import type { ServerCandidate, SourceFinding } from '../../src/engine/discovery/types';
import { configXml } from './mail-fixtures';

const ISPDB = join(__dirname, '..', '..', 'resources', 'ispdb');

describe('parseAddress', () => {
  it('accepts addresses and lower-cases (and punycodes) the domain', () => {
    expect(parseAddress('Info@My-Shop.IT')).toEqual({
      address: 'Info@my-shop.it',
      local: 'Info',
      domain: 'my-shop.it',
    });
    expect(parseAddress('a@caffè.it')?.domain).toBe('xn--caff-8oa.it');
  });
  it.each([
    '',
    'no-at',
    '@x.it',
    'a@',
    'a@localhost',
    'a b@x.it',
    'a@x..it',
    'a\n@x.it',
    `${'a'.repeat(65)}@x.it`,
    'a@-x.it',
  ])('refuses %j', (raw) => expect(parseAddress(raw)).toBeNull());
});

describe('parseConfigXml', () => {
  it('reads servers, security, usernames and OAuth2', () => {
    const config = parseConfigXml(
      configXml('x.test', [
        { type: 'smtp', host: 'smtp.x.test', port: 587, socket: 'STARTTLS', auth: 'OAuth2' },
        { type: 'imap', host: 'imap.x.test', port: 993, socket: 'SSL' },
        { type: 'pop3', host: 'pop.x.test', port: 110, socket: 'plain' },
      ]),
    );
    expect(config?.servers.map((s) => [s.protocol, s.host, s.port, s.security])).toEqual([
      ['smtp', 'smtp.x.test', 587, 'starttls'],
      ['imap', 'imap.x.test', 993, 'tls'],
      ['pop3', 'pop.x.test', 110, 'none'],
    ]);
    expect(config?.oauth).toBe(true);
    expect(config?.domains).toEqual(['x.test']);
  });
  it('refuses DTDs and entities, and drops servers with bad hosts or ports', () => {
    expect(parseConfigXml('<!DOCTYPE x [<!ENTITY a "b">]><clientConfig/>')).toBeNull();
    expect(parseConfigXml('not xml at all')).toBeNull();
    const config = parseConfigXml(
      configXml('x.test', [
        { type: 'smtp', host: 'evil host\r\nRCPT', port: 587, socket: 'STARTTLS' },
        { type: 'smtp', host: 'smtp.x.test', port: 70000, socket: 'STARTTLS' },
      ]),
    );
    expect(config?.servers).toEqual([]);
  });
  it('parses every file of the bundled ISPDB snapshot, each with an SMTP server', async () => {
    const files = (await readdir(ISPDB)).filter((f) => f.endsWith('.xml'));
    expect(files.length).toBeGreaterThan(150);
    for (const file of files) {
      const config = parseConfigXml(await readFile(join(ISPDB, file), 'utf8'));
      expect(config, file).not.toBeNull();
      expect(config!.domains.length, file).toBeGreaterThan(0);
    }
  });
  it('fills the username placeholders', () => {
    expect(fillTemplate('%EMAILLOCALPART%', 'mario@x.it')).toBe('mario');
    expect(fillTemplate('%EMAILADDRESS%', 'mario@x.it')).toBe('mario@x.it');
    expect(fillTemplate('%EMAILLOCALPART%.%EMAILDOMAIN%', 'mario@x.it')).toBe('mario.x.it');
  });
});

describe('trust', () => {
  it('does not flag the curated ISPDB hosts outside the provider domain (hotmail.com → office365.com)', async () => {
    const config = parseConfigXml(await readFile(join(ISPDB, 'hotmail.com.xml'), 'utf8'))!;
    const base = {
      address: 'a@hotmail.com',
      domain: 'hotmail.com',
      origin: 'x',
      flags: [],
      trustedDomains: [],
    };
    const curated = candidatesFromConfig(config, { ...base, source: 'ispdb', curated: true });
    expect(curated.some((c) => c.host === 'outlook.office365.com')).toBe(true);
    expect(curated.every((c) => c.flags.length === 0)).toBe(true);
    // The same document served by a provider's own autoconfig would be flagged.
    const own = candidatesFromConfig(config, { ...base, source: 'autoconfig' });
    expect(own.find((c) => c.host === 'outlook.office365.com')?.flags).toEqual(['foreign-host']);
  });

  it('compares registrable domains with the Public Suffix List', () => {
    expect(registrableDomain('smtp.mail.example.co.uk')).toBe('example.co.uk');
    expect(isHostWithin('smtp.example.co.uk', ['example.co.uk'])).toBe(true);
    expect(isHostWithin('smtp.evil-example.co.uk', ['example.co.uk'])).toBe(false);
    expect(isHostWithin('example.co.uk.evil.com', ['example.co.uk'])).toBe(false);
  });
});

describe('mxProvider', () => {
  it('names Microsoft 365, Outlook.com and Google by their MX hosts', () => {
    expect(mxProvider('contoso-com.mail.protection.outlook.com.')?.id).toBe('microsoft365');
    expect(mxProvider('eur.olc.protection.outlook.com')?.id).toBe('outlook');
    expect(mxProvider('aspmx.l.google.com')?.id).toBe('google');
    expect(mxProvider('alt1.aspmx.l.google.com')?.id).toBe('google');
    expect(mxProvider('google.com.evil.test')).toBeNull();
    expect(mxProvider('mx.example.it')).toBeNull();
  });
});

describe('printable', () => {
  it('shows control characters as visible escapes and bounds the length', () => {
    expect(printable('a\u001b[2Jb\r\n\u0000\u202e')).toBe('a\\x1b[2Jb\\r\\n\\x00\\u202e');
    expect(printable('x'.repeat(600), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('parseDnsServers', () => {
  it('accepts ip and ip:port lists, IPv6 in brackets', () => {
    expect(parseDnsServers('127.0.0.1:5353, 10.0.0.1')).toEqual(['127.0.0.1:5353', '10.0.0.1']);
    expect(parseDnsServers('[::1]:53')).toEqual(['[::1]:53']);
  });
  it.each(['', 'dns.example.com', '127.0.0.1:0', '127.0.0.1:70000', '::1:53', '1.2.3'])('refuses %j', (raw) =>
    expect(() => parseDnsServers(raw)).toThrow(),
  );
});

describe('guessCandidates', () => {
  it('covers smtp./mail./bare × 587, 465, 25 and starts with the likeliest of each protocol', () => {
    const all = guessCandidates('a@x.it', 'x.it');
    const smtp = all.filter((c) => c.protocol === 'smtp').map((c) => `${c.host}:${c.port}:${c.security}`);
    expect(smtp).toEqual([
      'smtp.x.it:587:starttls',
      'smtp.x.it:465:tls',
      'smtp.x.it:25:starttls',
      'mail.x.it:587:starttls',
      'mail.x.it:465:tls',
      'mail.x.it:25:starttls',
      'x.it:587:starttls',
      'x.it:465:tls',
      'x.it:25:starttls',
    ]);
    expect(all.slice(0, 3).map((c) => c.protocol)).toEqual(['smtp', 'imap', 'pop3']);
  });
});

describe('choose', () => {
  const candidate = (host: string, source: ServerCandidate['source']): ServerCandidate => ({
    protocol: 'smtp',
    host,
    port: 587,
    security: 'starttls',
    username: 'a@x.it',
    source,
    origin: source,
    oauth: false,
    flags: [],
  });
  const findings: SourceFinding[] = [
    {
      source: 'guess',
      priority: 60,
      candidates: [candidate('smtp.x.it', 'guess')],
      provider: null,
      onlyVerified: true,
    },
    { source: 'ispdb', priority: 20, candidates: [candidate('smtp.isp.it', 'ispdb')], provider: 'ISP' },
  ];
  const ok = { ok: true, ms: 1, problem: null, authMethods: [] };
  const failed = { ok: false, ms: 1, problem: 'tcp.refused', authMethods: [] };

  it('prefers the higher-priority source when both answered', () => {
    expect(choose(findings, 'smtp', () => ok, true)?.candidate.host).toBe('smtp.isp.it');
  });
  it('prefers a server that answered over one that did not', () => {
    const v = (c: ServerCandidate) => (c.source === 'guess' ? ok : failed);
    expect(choose(findings, 'smtp', v, true)?.candidate.host).toBe('smtp.x.it');
  });
  it('never chooses an unanswered guess, and no guess at all without probing', () => {
    const v = (c: ServerCandidate) => (c.source === 'guess' ? failed : null);
    expect(choose([findings[0]!], 'smtp', v, true)).toBeNull();
    expect(choose([findings[0]!], 'smtp', () => null, false)).toBeNull();
    expect(choose(findings, 'smtp', () => null, false)?.candidate.host).toBe('smtp.isp.it');
  });
});

describe('hostile input never breaks the parsers (property tests)', () => {
  it('printable() never lets a control character through and stays bounded', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: 1, max: 200 }), (text, max) => {
        const out = printable(text, max);
        expect(out).not.toMatch(/[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
        expect(out.length).toBeLessThanOrEqual(max * 6 + 1);
      }),
    );
  });

  it('parseAddress() and parseConfigXml() never throw, and an accepted address has a checked domain', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const parsed = parseAddress(text);
        if (parsed) expect(parsed.domain).toMatch(/^[a-z0-9.-]+$/);
        parseConfigXml(text);
        parseConfigXml(`<clientConfig><emailProvider>${text}</emailProvider></clientConfig>`);
      }),
    );
  });

  it('every server parseConfigXml() returns has a valid port and a host name without spaces or controls', () => {
    const server = fc.record({
      type: fc.constantFrom('smtp', 'imap', 'pop3', 'ews'),
      host: fc.string({ unit: 'binary', maxLength: 40 }),
      port: fc.oneof(fc.integer({ min: -5, max: 70_000 }).map(String), fc.string({ maxLength: 6 })),
      socket: fc.constantFrom('SSL', 'STARTTLS', 'plain', 'TLS', ''),
    });
    fc.assert(
      fc.property(fc.array(server, { maxLength: 4 }), (servers) => {
        const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const xml = `<clientConfig><emailProvider id="x"><domain>x.test</domain>${servers
          .map(
            (s) =>
              `<${s.type === 'smtp' ? 'outgoingServer' : 'incomingServer'} type="${s.type}"><hostname>${escape(s.host)}</hostname><port>${escape(s.port)}</port><socketType>${s.socket}</socketType></${s.type === 'smtp' ? 'outgoingServer' : 'incomingServer'}>`,
          )
          .join('')}</emailProvider></clientConfig>`;
        for (const s of parseConfigXml(xml)?.servers ?? []) {
          expect(Number.isInteger(s.port) && s.port >= 1 && s.port <= 65535).toBe(true);
          expect(s.host).not.toMatch(/[\s\p{Cc}]/u);
        }
      }),
    );
  });
});
