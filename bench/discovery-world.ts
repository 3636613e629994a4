/**
 * The little internet of the discovery benchmark and demo, all on loopback: a dns2 DNS server that
 * answers after DNS_DELAY_MS; bench-shop.test, whose smtp./mail./bare names point to 127.77.9.1,
 * where delay proxies (50 ms each way) forward the real mail ports to a real smtp-server (587
 * STARTTLS, 465 TLS) and scripted IMAP (993, 143) and POP3 (995) servers on 127.77.9.2; port 25 is a
 * tarpit, like a residential line where it is blocked. No autoconfig, no ISPDB entry (the live ISPDB
 * is a closed local port), an MX inside the domain, no SRV: only guessing can find it.
 */
import { startDnsServer, type TestDnsServer } from '../test/discovery/dns-server';
import {
  issueCert,
  startMailbox,
  startSilent,
  startSmtp,
  type Closable,
} from '../test/discovery/mail-fixtures';
import { createTestPki, removeTestPki, type TestPki } from '../test/support/pki';
import { DEFAULT_ONE_WAY_DELAY_MS, startDelayProxy } from './delay-proxy';

export const DNS_DELAY_MS = 2 * DEFAULT_ONE_WAY_DELAY_MS;
export const DOMAIN = 'bench-shop.test';
export const ADDRESS = `info@${DOMAIN}`;
export const CLOSED_ISPDB = 'https://127.0.0.1:9/v1.1/';
const FRONT = '127.77.9.1';
const BACK = '127.77.9.2';

export interface World {
  pki: TestPki;
  dns: TestDnsServer;
  /** What the CLI child needs: MAILCHECK_DNS_SERVERS, NODE_EXTRA_CA_CERTS, MAILCHECK_ISPDB_URL. */
  cliEnv: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const pki = await createTestPki();
  const closers: Closable[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(closers.map((c) => c.close().catch(() => undefined)));
    await removeTestPki(pki);
  };
  try {
    const cert = await issueCert(pki, [`smtp.${DOMAIN}`, `mail.${DOMAIN}`, DOMAIN]);
    const dns = await startDnsServer(
      {
        [DOMAIN]: { A: [FRONT], MX: [{ exchange: `mail.${DOMAIN}`, priority: 10 }] },
        [`smtp.${DOMAIN}`]: { A: [FRONT] },
        [`mail.${DOMAIN}`]: { A: [FRONT] },
      },
      { delayMs: DNS_DELAY_MS },
    );
    closers.push(dns);
    closers.push(await startSmtp(BACK, 587, 'starttls', cert));
    closers.push(await startSmtp(BACK, 465, 'tls', cert));
    closers.push(await startMailbox(BACK, 993, 'imap', 'tls', cert));
    closers.push(await startMailbox(BACK, 143, 'imap', 'starttls', cert));
    closers.push(await startMailbox(BACK, 995, 'pop3', 'tls', cert));
    closers.push(await startSilent(FRONT, 25));
    for (const port of [587, 465, 993, 143, 995]) {
      closers.push(
        await startDelayProxy({ targetHost: BACK, targetPort: port, listenHost: FRONT, listenPort: port }),
      );
    }
    const cliEnv = {
      MAILCHECK_DNS_SERVERS: dns.server,
      NODE_EXTRA_CA_CERTS: pki.ca.certFile,
      MAILCHECK_ISPDB_URL: CLOSED_ISPDB,
    };
    return { pki, dns, cliEnv, close };
  } catch (error) {
    await close();
    throw error;
  }
}
