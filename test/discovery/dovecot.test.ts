/**
 * Discovery's IMAP/POP3 check against a REAL Dovecot (dovecot.ts): SRV records (RFC 6186/8314)
 * point to its four services; each is verified without a password (IMAPS/POP3S, and IMAP STARTTLS /
 * POP3 STLS), the login methods come from its capabilities after TLS, and implicit TLS wins.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/engine/discovery';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { startDnsServer, type TestDnsServer } from './dns-server';
import { startDovecot, type RunningDovecot } from './dovecot';

let pki: TestPki;
let dovecot: RunningDovecot;
let dns: TestDnsServer;

beforeAll(async () => {
  pki = await createTestPki();
  dovecot = await startDovecot(pki);
  const srv = (port: number) => ({ SRV: [{ priority: 0, weight: 1, port, target: 'localhost' }] });
  dns = await startDnsServer({
    'dove.test': {},
    localhost: { A: ['127.0.0.1'] },
    '_imaps._tcp.dove.test': srv(dovecot.imaps),
    '_imap._tcp.dove.test': srv(dovecot.imap),
    '_pop3s._tcp.dove.test': srv(dovecot.pop3s),
    '_pop3._tcp.dove.test': srv(dovecot.pop3),
  });
});

afterAll(async () => {
  await dns?.close();
  await dovecot?.stop();
  if (pki) await removeTestPki(pki);
});

describe('discovery with the real Dovecot', () => {
  it('verifies IMAPS, IMAP STARTTLS, POP3S and POP3 STLS without a password', async () => {
    const result = await discover('user@dove.test', {
      dnsServers: [dns.server],
      caPem: pki.ca.cert,
      ispdbUrl: 'https://127.0.0.1:9/v1.1/',
      timeoutMs: 10_000,
    });
    if (!result.imap?.verified) process.stderr.write(await dovecot.log());
    expect(result.imap).toMatchObject({
      host: 'localhost',
      port: dovecot.imaps,
      security: 'tls',
      source: 'srv',
      verified: true,
    });
    expect(result.imap?.authMethods).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']));
    expect(result.pop3).toMatchObject({
      host: 'localhost',
      port: dovecot.pop3s,
      security: 'tls',
      verified: true,
    });
    expect(result.pop3?.authMethods).toEqual(expect.arrayContaining(['PLAIN', 'USER']));
    for (const port of [dovecot.imap, dovecot.pop3]) {
      expect(result.candidates.find((c) => c.port === port)).toMatchObject({
        security: 'starttls',
        reachable: true,
      });
    }
    expect(result.smtp).toBeNull();
  });
});
