/**
 * The built window in real Chromium with the REAL main handlers, for issues 10 and 11:
 * (a) one Test runs sending and receiving side by side, against an Outlook-like smtp-server and
 *     the real Dovecot (IMAP over TLS), both on loopback;
 * (b) discovery fills the form from the address alone: a dns2 DNS server on loopback answers every
 *     query the main side makes (MainDeps.discovery, as MAILCHECK_DNS_SERVERS does in the app); the
 *     domain's MX names Microsoft 365, whose servers (smtp.office365.com, outlook.office365.com)
 *     the local DNS points at an smtp-server and scripted IMAP/POP3 servers on 127.79.0.x, with
 *     certificates from a test CA. Nothing leaves the machine.
 * Run inside scripts/with-keyring.sh after `npx electron-vite build`; needs root (Dovecot, and the
 * standard ports 587/993/995 that discovery asks). Saves docs/screenshots/incoming-{en,it}.png and
 * find-settings-{en,it}.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDnsServer, type TestDnsServer } from '../discovery/dns-server';
import { issueCert, startMailbox, startSmtp, type Closable } from '../discovery/mail-fixtures';
import { startDovecot, type RunningDovecot } from '../mta/dovecot';
import { createTestPki as createMtaPki } from '../mta/pki';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import {
  assertRendererBuilt,
  createHarness,
  E2E_TEST_TIMEOUT_MS,
  launchChromium,
  pageErrors,
  screenshot,
  type Harness,
} from './harness';
import { startOutlookLikeServer, type OutlookLikeServer } from './outlook-like-server';

/** A fixed port, so that the screenshots show the same sending port on every run. */
const SMTP_PORT = 24597;
/** Loopback addresses of the "Microsoft 365" servers discovery finds (the standard ports). */
const IP = { smtp: '127.79.0.2', mailbox: '127.79.0.3' };
const ADDRESS = 'info@pasticceria-rossi.it';

let browser: Browser;
let harness: Harness;
let dovecot: RunningDovecot;
let smtp: OutlookLikeServer;
let pki: TestPki;
let mtaPkiDir: string;
let dns: TestDnsServer;
const servers: Closable[] = [];

beforeAll(async () => {
  assertRendererBuilt();
  mtaPkiDir = await mkdtemp(join(tmpdir(), 'mailcheck-e2e-incoming-'));
  const [mtaPki, testPki, dc] = await Promise.all([createMtaPki(mtaPkiDir), createTestPki(), startDovecot()]);
  pki = testPki;
  dovecot = dc;
  // The account's one login works on both servers: sending (Outlook-like) and receiving (Dovecot).
  smtp = await startOutlookLikeServer({
    certFile: mtaPki.certFile,
    keyFile: mtaPki.keyFile,
    user: dovecot.user,
    password: dovecot.password,
    mode: 'accept',
    port: SMTP_PORT,
  });
  const smtpCert = await issueCert(pki, ['smtp.office365.com']);
  const mailboxCert = await issueCert(pki, ['outlook.office365.com']);
  servers.push(await startSmtp(IP.smtp, 587, 'starttls', smtpCert));
  servers.push(await startMailbox(IP.mailbox, 993, 'imap', 'tls', mailboxCert));
  servers.push(await startMailbox(IP.mailbox, 995, 'pop3', 'tls', mailboxCert));
  dns = await startDnsServer({
    'pasticceria-rossi.it': {
      MX: [{ exchange: 'pasticceria-rossi-it.mail.protection.outlook.com', priority: 0 }],
    },
    'smtp.office365.com': { A: [IP.smtp] },
    'outlook.office365.com': { A: [IP.mailbox] },
  });
  harness = await createHarness({
    caPem: [mtaPki.caPem, dovecot.caPem, pki.ca.cert].join('\n'),
    discovery: { dnsServers: [dns.server] },
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await harness?.close();
  await Promise.all([smtp?.close(), dovecot?.stop(), dns?.close(), ...servers.map((s) => s.close())]);
  if (pki) await removeTestPki(pki);
  if (mtaPkiDir) await rm(mtaPkiDir, { recursive: true, force: true });
});

async function state(page: Page, testId: string): Promise<string | null> {
  return page.getByTestId(testId).getAttribute('data-running');
}

describe.each(['en', 'it'] as const)('the window in %s', (lang) => {
  it(
    'runs sending and receiving side by side against real servers, each with its steps and outcome',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      // A known provider's address: no discovery, the form is the user's.
      await page.getByTestId('email').fill(dovecot.user);
      await page.getByTestId('host').fill('127.0.0.1');
      await page.getByTestId('port').fill(String(SMTP_PORT));
      await page.getByTestId('security').selectOption('starttls');
      await page.getByTestId('user').fill(dovecot.user);
      await page.getByTestId('password').fill(dovecot.password);
      await page.getByTestId('incoming-enabled').check();
      await page.getByTestId('incoming-protocol').selectOption('imap');
      await page.getByTestId('incoming-host').fill(dovecot.host);
      await page.getByTestId('incoming-port').fill(String(dovecot.imapsPort));
      await page.getByTestId('incoming-security').selectOption('tls');
      await page.getByTestId('run').click();

      await page.getByTestId('send-column').waitFor();
      await page.locator('[data-testid="test-screen"][data-running="false"]').waitFor();
      expect(await state(page, 'send-column')).toBe('false');
      expect(await state(page, 'receive-column')).toBe('false');
      const send = page.getByTestId('send-column');
      const receive = page.getByTestId('receive-column');
      await send.getByTestId('settings-card').waitFor();
      await receive.getByTestId('receive-settings-card').waitFor();
      const mailbox = await receive.locator('[data-step="mailbox"]').textContent();
      expect(mailbox).toMatch(lang === 'it' ? /INBOX/ : /INBOX: 3 messages, 2 unread/);
      // SSL/TLS (993): the steps in the order they ran, the encryption before the greeting.
      expect(
        await receive
          .locator('[data-step]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-step'))),
      ).toEqual(['dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'mailbox']);

      // The report covers both sides, without the password.
      await page.getByTestId('copy-report').click();
      await expect.poll(() => harness.clipboard.length).toBeGreaterThan(0);
      const report = harness.clipboard.at(-1)!;
      expect(report).toContain(lang === 'it' ? '## Ricezione (IMAP)' : '## Receiving (IMAP)');
      expect(report).not.toContain(dovecot.password);

      await screenshot(page, `incoming-${lang}`);
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );

  it(
    'finds the settings from the address through the local DNS server and fills the form',
    async () => {
      const page = await harness.openApp(browser, { locale: lang });
      const before = dns.questions.length;
      await page.getByTestId('email').fill(ADDRESS);
      await page.locator('[data-testid="discovery-status"][data-state="found"]').waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('host').inputValue()).toBe('smtp.office365.com');
      expect(await page.getByTestId('port').inputValue()).toBe('587');
      expect(await page.getByTestId('security').inputValue()).toBe('starttls');
      expect(await page.getByTestId('provider').inputValue()).toBe('microsoft365');
      expect(await page.getByTestId('incoming-host').inputValue()).toBe('outlook.office365.com');
      expect(await page.getByTestId('incoming-port').inputValue()).toBe('993');
      const label = page.getByTestId('found-smtp');
      expect(await label.getAttribute('data-source')).toBe('mx');
      expect(await label.getAttribute('data-verified')).toBe('true');
      expect(await label.textContent()).toContain('Microsoft 365');
      expect(await page.getByTestId('found-incoming').getAttribute('data-verified')).toBe('true');
      // The main side asked the local DNS server (the MX, then the servers' addresses).
      expect(dns.questions.slice(before)).toEqual(
        expect.arrayContaining(['MX pasticceria-rossi.it', 'A smtp.office365.com']),
      );
      await screenshot(page, `find-settings-${lang}`);

      // Still editable: an edit removes that server's label.
      await page.getByTestId('port').fill('25');
      await page.getByTestId('found-smtp').waitFor({ state: 'detached' });
      expect(await page.getByTestId('found-incoming').count()).toBe(1);
      expect(pageErrors(page)).toEqual([]);
    },
    E2E_TEST_TIMEOUT_MS,
  );
});
