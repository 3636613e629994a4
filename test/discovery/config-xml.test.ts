/**
 * parseConfigXml on hand-written config-v1.1 documents: which servers are kept (type, socket type,
 * port and host checked) and which are dropped, text inside elements with attributes, OAuth
 * marking, and documents that are not autoconfig at all. The XML is untrusted input.
 */
import { describe, expect, it } from 'vitest';
import { fillTemplate, isHostName, parseConfigXml } from '../../src/engine/discovery/config-xml';

const doc = (servers: string, extra = ''): string =>
  `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x.it"><domain>X.IT</domain>` +
  `<domain>y.it</domain><displayName>X Mail</displayName>${servers}</emailProvider>${extra}</clientConfig>`;
const fields = (host: string, port: string, socket: string, extra = ''): string =>
  `<hostname>${host}</hostname><port>${port}</port><socketType>${socket}</socketType>${extra}`;
const outgoing = (body: string, type = 'smtp'): string =>
  `<outgoingServer type="${type}">${body}</outgoingServer>`;
const incoming = (type: string, body: string): string =>
  `<incomingServer type="${type}">${body}</incomingServer>`;

const servers = (xml: string) => parseConfigXml(xml)?.servers ?? [];

describe('parseConfigXml', () => {
  it('reads the provider, its domains and every valid server', () => {
    const parsed = parseConfigXml(
      doc(
        outgoing(fields('SMTP.X.IT', '587', 'STARTTLS', '<username>%EMAILLOCALPART%</username>')) +
          incoming(
            'imap',
            fields('imap.x.it', '993', 'SSL', '<authentication>password-cleartext</authentication>'),
          ) +
          incoming('POP3', fields('pop.x.it', '110', 'plain')),
      ),
    );
    expect(parsed).toEqual({
      id: 'x.it',
      displayName: 'X Mail',
      domains: ['x.it', 'y.it'],
      servers: [
        {
          protocol: 'smtp',
          host: 'smtp.x.it',
          port: 587,
          security: 'starttls',
          username: '%EMAILLOCALPART%',
          authentication: [],
        },
        {
          protocol: 'imap',
          host: 'imap.x.it',
          port: 993,
          security: 'tls',
          username: '%EMAILADDRESS%',
          authentication: ['password-cleartext'],
        },
        {
          protocol: 'pop3',
          host: 'pop.x.it',
          port: 110,
          security: 'none',
          username: '%EMAILADDRESS%',
          authentication: [],
        },
      ],
      oauth: false,
    });
  });

  it('drops a server of the wrong kind for its element', () => {
    expect(servers(doc(outgoing(fields('a.x.it', '587', 'STARTTLS'), 'imap')))).toEqual([]);
    expect(servers(doc(incoming('smtp', fields('a.x.it', '587', 'STARTTLS'))))).toEqual([]);
    expect(servers(doc(incoming('exchange', fields('a.x.it', '443', 'SSL'))))).toEqual([]);
    expect(servers(doc(`<outgoingServer>${fields('a.x.it', '587', 'STARTTLS')}</outgoingServer>`))).toEqual(
      [],
    );
  });

  it.each([
    ['TLS', 0],
    ['ssl', 0],
    ['', 0],
    ['SSL', 1],
  ])('socketType %j keeps %i server', (socket, kept) => {
    expect(servers(doc(outgoing(fields('a.x.it', '465', socket))))).toHaveLength(kept);
  });

  it('drops a server without a socket type', () => {
    expect(servers(doc(outgoing('<hostname>a.x.it</hostname><port>587</port>')))).toEqual([]);
  });

  it.each([
    ['0', 0],
    ['1', 1],
    ['65535', 1],
    ['65536', 0],
    ['587.5', 0],
    ['-587', 0],
    ['abc', 0],
  ])('port %j keeps %i server', (port, kept) => {
    expect(servers(doc(outgoing(fields('a.x.it', port, 'STARTTLS'))))).toHaveLength(kept);
  });

  it('drops a server without a port or a host, or with a host that is not a host name', () => {
    expect(servers(doc(outgoing('<hostname>a.x.it</hostname><socketType>SSL</socketType>')))).toEqual([]);
    expect(servers(doc(outgoing('<port>465</port><socketType>SSL</socketType>')))).toEqual([]);
    expect(servers(doc(outgoing(fields('a x.it', '465', 'SSL'))))).toEqual([]);
    expect(servers(doc(outgoing(fields('a.x.it;rm', '465', 'SSL'))))).toEqual([]);
    expect(servers(doc(outgoing(fields(`${'a.'.repeat(130)}it`, '465', 'SSL'))))).toEqual([]);
  });

  it('keeps a %EMAILDOMAIN% host template, to be checked once filled in', () => {
    expect(servers(doc(outgoing(fields('smtp.%EMAILDOMAIN%', '587', 'STARTTLS'))))[0]?.host).toBe(
      'smtp.%emaildomain%',
    );
  });

  it('reads text inside elements that carry attributes, and marks OAuth2', () => {
    const parsed = parseConfigXml(
      doc(
        outgoing(
          `<hostname lang="x">smtp.x.it</hostname><port kind="n">465</port><socketType a="b">SSL</socketType>` +
            `<authentication note="y">OAuth2</authentication><authentication>password-cleartext</authentication>`,
        ),
      ),
    );
    expect(parsed?.servers[0]).toMatchObject({ host: 'smtp.x.it', port: 465, security: 'tls' });
    expect(parsed?.servers[0]?.authentication).toEqual(['OAuth2', 'password-cleartext']);
    expect(parsed?.oauth).toBe(true);
  });

  it('marks OAuth from an <oAuth2> block alone', () => {
    const xml = doc(
      outgoing(fields('smtp.x.it', '587', 'STARTTLS')),
      '<oAuth2><issuer>login.x.it</issuer></oAuth2>',
    );
    expect(parseConfigXml(xml)?.oauth).toBe(true);
    expect(parseConfigXml(doc(outgoing(fields('smtp.x.it', '587', 'STARTTLS'))))?.oauth).toBe(false);
  });

  it('is null for what is not a config document', () => {
    expect(parseConfigXml('<html><body>Not found</body></html>')).toBeNull();
    expect(parseConfigXml('<clientConfig version="1.1"></clientConfig>')).toBeNull();
    expect(parseConfigXml('not xml at all <')).toBeNull();
    expect(parseConfigXml(`<!DOCTYPE x [<!ENTITY e "x">]>${doc('')}`)).toBeNull();
    expect(parseConfigXml(doc('').replace('<emailProvider id="x.it">', '<emailProvider>'))?.id).toBeNull();
  });
});

describe('templates', () => {
  it('fills every placeholder, case-insensitively', () => {
    expect(fillTemplate('%EMAILADDRESS%', 'mario.rossi@x.it')).toBe('mario.rossi@x.it');
    expect(fillTemplate('%EMAILLOCALPART%', 'mario.rossi@x.it')).toBe('mario.rossi');
    expect(fillTemplate('mail.%emaildomain%', 'mario.rossi@x.it')).toBe('mail.x.it');
    expect(fillTemplate('%EMAILADDRESS', 'a@b@x.it')).toBe('a@b@x.it');
    expect(fillTemplate('%EMAILLOCALPART%', 'a@b@x.it')).toBe('a@b');
  });

  it('checks a filled-in host name', () => {
    expect(isHostName('smtp.x.it')).toBe(true);
    expect(isHostName('smtp.x.it/evil')).toBe(false);
    expect(isHostName('')).toBe(false);
    // A label over 63 characters (RFC 1035), and a name over 253.
    expect(isHostName(`${'a'.repeat(64)}.it`)).toBe(false);
    expect(isHostName(`${'a'.repeat(63)}.it`)).toBe(true);
    expect(isHostName(`${'a.'.repeat(126)}it`)).toBe(false);
  });
});
