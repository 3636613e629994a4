/**
 * runReceiveCheck against the real Dovecot (IMAP and POP3, STARTTLS/STLS and implicit TLS): every
 * protocol × security mode, a wrong password, plaintext refused, mode mismatches, an untrusted
 * certificate, cancel; and no form of the password anywhere in any result.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runReceiveCheck } from '../../src/engine/receive';
import type {
  ProbeEvent,
  ReceiveProtocol,
  ReceiveRequest,
  ReceiveResult,
} from '../../src/shared/probe-types';
import { RECEIVE_STEP_IDS } from '../../src/shared/probe-types';
import { leakedForms, secretForms } from '../support/secret-forms';
import { MAILBOX_MESSAGES, MAILBOX_UNSEEN, startDovecot, type RunningDovecot } from '../mta/dovecot';

let dovecot: RunningDovecot;
const results: ReceiveResult[] = [];

beforeAll(async () => {
  dovecot = await startDovecot();
});
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await dovecot?.dumpLog();
});
afterAll(async () => {
  await dovecot?.stop();
});

const ports = (protocol: ReceiveProtocol) =>
  protocol === 'imap'
    ? { plain: dovecot.imapPort, implicit: dovecot.imapsPort }
    : { plain: dovecot.pop3Port, implicit: dovecot.pop3sPort };

async function check(
  protocol: ReceiveProtocol,
  overrides: Partial<ReceiveRequest> & { port: number },
  password = dovecot.password,
): Promise<ReceiveResult> {
  const result = await runReceiveCheck({
    protocol,
    host: dovecot.host,
    security: 'auto',
    caPem: dovecot.caPem,
    auth: { method: 'password', user: dovecot.user, password },
    timeoutMs: 5000,
    ...overrides,
  });
  results.push(result);
  expect(result.protocol).toBe(protocol);
  expect(result.steps.map((s) => s.id)).toEqual([...RECEIVE_STEP_IDS]);
  expect(leakedForms(JSON.stringify(result), secretForms(password, dovecot.user))).toEqual([]);
  return result;
}

const status = (result: ReceiveResult) => Object.fromEntries(result.steps.map((s) => [s.id, s.status]));

describe.each(['imap', 'pop3'] as const)('%s × Dovecot', (protocol) => {
  const mailbox =
    protocol === 'imap'
      ? `INBOX: ${MAILBOX_MESSAGES} messages, ${MAILBOX_UNSEEN} unread`
      : `${MAILBOX_MESSAGES} messages, `;

  it('implicit TLS (security tls): every step passes, the mailbox is counted', async () => {
    const result = await check(protocol, { port: ports(protocol).implicit, security: 'tls' });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(status(result)).toMatchObject({
      tcp: 'pass',
      tls: 'pass',
      greeting: 'pass',
      auth: 'pass',
      mailbox: 'pass',
    });
    expect(result.server.securityUsed).toBe('tls');
    expect(result.tls).toMatchObject({ mode: 'implicit', trusted: true, hostnameMatches: true });
    const box = result.steps.find((s) => s.id === 'mailbox')!;
    expect(box.summary.en).toContain(mailbox);
    expect(box.details).toMatchObject({ messages: MAILBOX_MESSAGES });
    if (protocol === 'pop3') expect(box.details).toMatchObject({ octets: dovecot.mailboxOctets });
    else expect(box.summary.it).toBe(`INBOX: ${MAILBOX_MESSAGES} messaggi, ${MAILBOX_UNSEEN} non letti`);
  });

  it('STARTTLS / STLS (security starttls): encrypted before the login', async () => {
    const result = await check(protocol, { port: ports(protocol).plain, security: 'starttls' });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.server.securityUsed).toBe('starttls');
    expect(result.tls?.mode).toBe('starttls');
    const texts = result.transcript.map((l) => l.text);
    const upgrade = texts.findIndex((t) => /^(A\d+ STARTTLS|STLS)$/.test(t));
    const login = texts.findIndex((t) => /AUTHENTICATE PLAIN|AUTH PLAIN/.test(t));
    expect(upgrade).toBeGreaterThan(0);
    expect(login).toBeGreaterThan(upgrade);
    expect(texts[login]).toMatch(/<redacted>$/);
  });

  it('auto on the plaintext port uses STARTTLS / STLS', async () => {
    const result = await check(protocol, { port: ports(protocol).plain });
    expect(result.ok).toBe(true);
    expect(result.server.securityUsed).toBe('starttls');
  });

  it('auto on a silent implicit-TLS port that is not the standard one: works, with a warning', async () => {
    const result = await check(protocol, { port: ports(protocol).implicit });
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.server.securityUsed).toBe('tls');
    const tls = result.steps.find((s) => s.id === 'tls')!;
    expect(tls.status).toBe('warn');
    expect(tls.summary.en).toMatch(/implicit TLS \(SSL\/TLS\)/);
  });

  it('wrong password: auth.rejected with the server’s reply', async () => {
    const result = await check(
      protocol,
      { port: ports(protocol).implicit, security: 'tls' },
      'not-the-password-1',
    );
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toMatchObject({ id: 'auth.rejected', step: 'auth' });
    expect(result.diagnosis?.reply).toMatch(protocol === 'imap' ? /AUTHENTICATIONFAILED/ : /^-ERR \[AUTH\]/);
    expect(status(result).mailbox).toBe('skip');
  });

  it('plaintext: the engine refuses to send the password without allowPlaintextAuth', async () => {
    const result = await check(protocol, { port: ports(protocol).plain, security: 'none' });
    expect(result.diagnosis).toMatchObject({ id: 'auth.plaintext-refused', step: 'auth' });
    const texts = result.transcript.map((l) => l.text).join('\n');
    expect(texts).not.toMatch(/AUTHENTICATE|AUTH PLAIN|LOGIN "|USER /);
  });

  it('plaintext allowed by the user, refused by the server: auth.starttls-required', async () => {
    const result = await check(protocol, {
      host: dovecot.remoteHost,
      port: protocol === 'imap' ? dovecot.imapRemotePort : dovecot.pop3RemotePort,
      security: 'none',
      allowPlaintextAuth: true,
    });
    expect(result.diagnosis).toMatchObject({ id: 'auth.starttls-required', step: 'auth' });
    // IMAP: the engine reads LOGINDISABLED and sends nothing; POP3: Dovecot's -ERR is classified.
    if (protocol === 'imap') expect(result.server.capabilities).toContain('LOGINDISABLED');
    else expect(result.diagnosis?.reply).toMatch(/Plaintext authentication disallowed/);
  });

  it('SSL/TLS on the STARTTLS port: tls.mode-mismatch', async () => {
    const result = await check(protocol, { port: ports(protocol).plain, security: 'tls' });
    expect(result.diagnosis).toMatchObject({ id: 'tls.mode-mismatch', step: 'tls' });
  });

  it('STARTTLS on the implicit-TLS port: tls.mode-mismatch, quickly', async () => {
    const result = await check(protocol, { port: ports(protocol).implicit, security: 'starttls' });
    expect(result.diagnosis).toMatchObject({ id: 'tls.mode-mismatch', step: 'greeting' });
    expect(result.totalMs).toBeLessThan(4500);
  });

  it('the test CA not given: tls.untrusted, nothing sent after the handshake', async () => {
    const result = await check(protocol, {
      port: ports(protocol).implicit,
      security: 'tls',
      caPem: undefined,
    });
    expect(result.diagnosis).toMatchObject({ id: 'tls.untrusted', step: 'tls' });
    expect(result.transcript.filter((l) => l.dir === 'client')).toEqual([]);
  });

  it('no credentials: the connection is tested, login and mailbox skipped', async () => {
    const result = await check(protocol, {
      port: ports(protocol).implicit,
      security: 'tls',
      auth: undefined,
    });
    expect(result.ok).toBe(true);
    expect(status(result)).toMatchObject({ auth: 'skip', mailbox: 'skip' });
  });

  it('events: every step starts before it ends, the result has the same steps', async () => {
    const events: ProbeEvent[] = [];
    const result = await runReceiveCheck(
      {
        protocol,
        host: dovecot.host,
        port: ports(protocol).plain,
        security: 'starttls',
        caPem: dovecot.caPem,
        auth: { method: 'password', user: dovecot.user, password: dovecot.password },
      },
      { onEvent: (e) => events.push(e) },
    );
    results.push(result);
    const ended = events.flatMap((e) => (e.type === 'step-end' ? [e.step.id] : []));
    expect(new Set(ended)).toEqual(new Set(RECEIVE_STEP_IDS));
    for (const e of events) {
      if (e.type === 'step-end' && e.step.status !== 'skip') {
        expect(events.findIndex((x) => x.type === 'step-start' && x.id === e.step.id)).toBeLessThan(
          events.indexOf(e),
        );
      }
    }
  });

  it('cancel: returns at once with cancelled', async () => {
    const controller = new AbortController();
    const pending = runReceiveCheck(
      {
        protocol,
        host: dovecot.host,
        port: ports(protocol).plain,
        security: 'starttls',
        caPem: dovecot.caPem,
      },
      {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'step-start' && e.id === 'greeting') controller.abort();
        },
      },
    );
    const result = await pending;
    expect(result.cancelled).toBe(true);
    expect(result.ok).toBe(false);
    expect(result.diagnosis).toBeNull();
  });
});

it('no result of any run holds any form of the password', () => {
  expect(results.length).toBeGreaterThan(20);
  const all = JSON.stringify(results);
  expect(leakedForms(all, secretForms(dovecot.password, dovecot.user))).toEqual([]);
});
