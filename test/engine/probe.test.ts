/**
 * The whole probe against a real smtp-server: one connection for every step, live events in order,
 * timings and details, and the Markdown report built from the result.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/engine/probe';
import { QUIT_GRACE_MS } from '../../src/engine/probe/constants';
import { formatReport } from '../../src/shared/report';
import { STEP_IDS, type ProbeEvent, type ProbeResult } from '../../src/shared/probe-types';
import { REPLIES, USER, gmailServer, microsoftServer, request } from '../fixtures/providers';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { answerByVerb, startScriptedSmtp } from '../support/scripted-smtp';
import { startSmtpServer, type RunningServer } from '../support/servers';

let pki: TestPki;
let server: RunningServer;
let connections = 0;
let messages = 0;

beforeAll(async () => {
  pki = await createTestPki();
  server = await startSmtpServer({
    ...gmailServer(pki),
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        messages++;
        callback(null);
      });
    },
  });
});
afterAll(async () => {
  await server?.close();
  if (pki) await removeTestPki(pki);
});

describe('runProbe, all steps passing', () => {
  let result: ProbeResult;
  const events: ProbeEvent[] = [];

  beforeAll(async () => {
    connections = 0;
    messages = 0;
    result = await runProbe(
      request(server.port, pki, {
        auth: { method: 'password', user: USER, password: 'Probe-test-password-9' },
        send: { from: USER, to: 'anna.bianchi@example.it' },
        clientName: 'client.mailcheck.test',
      }),
      { onEvent: (e) => events.push(e) },
    );
  });

  it('passes every step over ONE connection and sends one message', () => {
    expect(result.ok).toBe(true);
    expect(result.cancelled).toBe(false);
    expect(result.diagnosis).toBeNull();
    expect(result.steps.map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(result.steps.every((s) => s.status === 'pass')).toBe(true);
    expect(connections).toBe(1);
    expect(messages).toBe(1);
  });

  it('emits step-start/step-end live, in the order the steps ran', () => {
    const order = events.map((e) => (e.type === 'step-start' ? `+${e.id}` : `-${e.step.id}`));
    expect(order).toEqual(STEP_IDS.flatMap((id) => [`+${id}`, `-${id}`]));
  });

  it('reports timings, details and bilingual summaries', () => {
    for (const step of result.steps) {
      expect(step.ms).toBeGreaterThanOrEqual(0);
      expect(step.summary.en.length).toBeGreaterThan(3);
      expect(step.summary.it.length).toBeGreaterThan(3);
      expect(step.summary.it).not.toBe(step.summary.en);
    }
    const byId = Object.fromEntries(result.steps.map((s) => [s.id, s]));
    expect(byId.dns?.details).toMatchObject({ a: { addresses: ['127.0.0.1'] } });
    expect(byId.tcp?.details).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
    expect(byId.ehlo?.details).toMatchObject({ starttls: true, pipelining: true, size: 35882577 });
    expect(byId.auth?.details).toMatchObject({ mechanism: 'PLAIN', user: USER });
    expect(byId.send?.details).toMatchObject({ accepted: ['anna.bianchi@example.it'] });
    expect(result.server).toMatchObject({
      address: '127.0.0.1',
      securityUsed: 'starttls',
      authMechanisms: ['LOGIN', 'PLAIN', 'XOAUTH2'],
    });
    expect(result.server.greeting).toMatch(/^220 smtp\.gmail\.com ESMTP/);
    expect(result.totalMs).toBeGreaterThanOrEqual(0);
    expect(Number.isNaN(Date.parse(result.startedAt))).toBe(false);
  });

  it('keeps a timestamped transcript of the whole conversation, AUTH redacted', () => {
    const lines = result.transcript;
    expect(lines.every((l, i) => i === 0 || l.t >= lines[i - 1]!.t)).toBe(true);
    const client = lines.filter((l) => l.dir === 'client').map((l) => l.text);
    expect(client).toEqual([
      'EHLO client.mailcheck.test',
      'STARTTLS',
      'EHLO client.mailcheck.test',
      'AUTH PLAIN <redacted>',
      'MAIL FROM:<mario.rossi@outlook.it>',
      'RCPT TO:<anna.bianchi@example.it>',
      'DATA',
      'QUIT',
    ]);
    expect(lines.some((l) => l.dir === 'server' && l.text.startsWith('235'))).toBe(true);
    expect(lines.some((l) => l.dir === 'info' && l.text.startsWith('TLS TLSv1.'))).toBe(true);
  });

  it('formats a Markdown report in both languages', () => {
    const en = formatReport(result, 'en');
    const it = formatReport(result, 'it');
    expect(en).toContain('# Mailcheck report');
    expect(en).toContain('the settings work');
    expect(it).toContain('# Report di Mailcheck');
    expect(it).toContain('le impostazioni funzionano');
    for (const text of [en, it]) {
      expect(text).toContain(`localhost`);
      expect(text).toContain(result.tls!.fingerprint256!);
      expect(text).toContain('AUTH PLAIN <redacted>');
      expect(text).toMatch(/\| .* \| ✅ .* \| \d+ ms \|/);
    }
    expect(it).toContain('Impronta SHA-256');
  });
});

describe('report of a failure', () => {
  it('shows the diagnosis, ordered advice, guide and the raw reply', async () => {
    const failing = await startSmtpServer(microsoftServer(pki, { authReply: REPLIES.outlookBasicDisabled }));
    try {
      const result = await runProbe(
        request(failing.port, pki, { auth: { method: 'password', user: USER, password: 'Report-pw-3' } }),
      );
      const it = formatReport(result, 'it');
      expect(it).toContain('è stato trovato un problema');
      expect(it).toContain('## Diagnosi: Microsoft non accetta più la password per questo accesso');
      expect(it).toContain('`auth.basic-disabled`');
      expect(it).toMatch(/### Cosa fare\n\n1\. Scegli «Accedi con Microsoft»/);
      expect(it).toMatch(/Guida: .+ › .+ \(`outlook\/modern-auth`\)/);
      expect(it).toContain('535 5.7.139 Authentication unsuccessful, basic authentication is disabled.');
      const en = formatReport(result, 'en');
      expect(en).toContain('## Diagnosis: Microsoft no longer accepts a password here');
      expect(en).toContain('❌ failed');
    } finally {
      await failing.close();
    }
  });

  it('is pure: the shared report and catalogue import no Node or DOM API', () => {
    for (const file of [
      'src/shared/report.ts',
      'src/shared/diagnoses/index.ts',
      'src/shared/diagnoses/smtp.ts',
    ]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from ['"]node:|require\(|\bdocument\.|\bwindow\.|\bBuffer\b/);
    }
  });
});

describe('QUIT', () => {
  it('is sent, but the result does not wait for the 221 (the verdict is known before it)', async () => {
    // Held far longer than any bound below: a probe that waited for the 221 would cross them.
    const replyHeldMs = 15_000;
    const quitServer = await startScriptedSmtp({
      key: pki.server.key,
      cert: pki.server.cert,
      greeting: '220 slow-quit.example ESMTP',
      answer: answerByVerb({
        EHLO: (secure) =>
          secure ? '250-slow-quit.example\r\n250 SIZE 1000' : '250-slow-quit.example\r\n250 STARTTLS',
        QUIT: '221 2.0.0 Bye',
      }),
      replyDelayMs: (command) => (command.toUpperCase() === 'QUIT' ? replyHeldMs : 0),
    });
    try {
      const started = Date.now();
      const result = await runProbe(request(quitServer.port, pki, { timeoutMs: 5_000 }));
      const elapsed = Date.now() - started;
      expect(result.ok).toBe(true);
      expect(elapsed).toBeLessThan(replyHeldMs / 2);
      const quit = result.transcript.find((l) => l.dir === 'client' && l.text === 'QUIT');
      expect(quit).toBeDefined();
      // Before, the probe waited up to QUIT_GRACE_MS here for the 221.
      expect(result.totalMs - quit!.t).toBeLessThan(QUIT_GRACE_MS);
      expect(result.transcript.some((l) => l.dir === 'server' && l.text.startsWith('221'))).toBe(false);
      // The server does receive it.
      await expect.poll(() => quitServer.commands, { timeout: 5_000 }).toContain('QUIT');
    } finally {
      await quitServer.close();
    }
  });
});
