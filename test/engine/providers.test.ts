/**
 * One live fixture per catalogue entry: a real smtp-server answering like Outlook.com, Microsoft 365
 * or Gmail, the real probe against it, and the diagnosis it must name (rendered in both languages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/engine/probe';
import { renderDiagnosis } from '../../src/shared/diagnoses';
import { LANGS } from '../../src/shared/probe-types';
import { REPLIES, SCENARIOS, USER, gmailScript, microsoftServer, request } from '../fixtures/providers';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { startScriptedSmtp } from '../support/scripted-smtp';
import { startSmtpServer } from '../support/servers';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => {
  if (pki) await removeTestPki(pki);
});

describe('provider fixtures → diagnosis', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name} → ${scenario.id}`, async () => {
      const server = await startSmtpServer(scenario.server(pki));
      try {
        const result = await runProbe(scenario.request(server.port, pki, 'Pw-for-provider-test-1'));
        expect(result.ok).toBe(false);
        expect(result.diagnosis?.id).toBe(scenario.id);
        expect(result.diagnosis?.step).toBe(scenario.step);
        const failed = result.steps.find((s) => s.status === 'fail');
        expect(failed?.id).toBe(scenario.step);
        for (const lang of LANGS) {
          const text = renderDiagnosis(result.diagnosis!, lang);
          expect(text.title.length).toBeGreaterThan(5);
          expect(text.explanation).not.toMatch(/\{\w+\}/);
          expect(text.advice.length).toBeGreaterThan(0);
          expect(failed?.summary[lang]).toBe(text.title);
        }
        // Steps after the failure are not run.
        const after = result.steps.slice(result.steps.findIndex((s) => s.status === 'fail') + 1);
        expect(after.every((s) => s.status === 'skip')).toBe(true);
      } finally {
        await server.close();
      }
    });
  }

  it('keeps the server reply, and quotes it with its code’s meaning when no rule knows it', async () => {
    const temporary = SCENARIOS.find((s) => s.id === 'server.temporary')!;
    let server = await startSmtpServer(temporary.server(pki));
    try {
      const result = await runProbe(temporary.request(server.port, pki, 'Pw-for-provider-test-2'));
      expect(result.diagnosis?.reply).toContain('454 4.7.0 Temporary authentication failure');
      expect(renderDiagnosis(result.diagnosis!, 'it').reply).toContain('454 4.7.0');
      expect(renderDiagnosis(result.diagnosis!, 'en').explanation).toMatch(/nothing needs to change/);
    } finally {
      await server.close();
    }
    const fallback = SCENARIOS.find((s) => s.id === 'reply.permanent')!;
    server = await startSmtpServer(fallback.server(pki));
    try {
      const result = await runProbe(fallback.request(server.port, pki, 'Pw-for-provider-test-3'));
      const en = renderDiagnosis(result.diagnosis!, 'en');
      const it = renderDiagnosis(result.diagnosis!, 'it');
      expect(en.explanation).toContain('«Message content rejected»');
      expect(en.explanation).toContain('550 5.6.0 means: permanent failure (message content)');
      expect(it.explanation).toContain('«Message content rejected»');
      expect(it.explanation).toContain('550 5.6.0 significa: errore permanente (contenuto del messaggio)');
    } finally {
      await server.close();
    }
  });

  it('Outlook.com: XOAUTH2 with the right token logs in and sends (LOGIN never used)', async () => {
    const token = 'EwBwA8l6BAAU-valid-access-token';
    const server = await startSmtpServer(microsoftServer(pki, { xoauth2: { user: USER, token } }));
    try {
      const result = await runProbe(
        request(server.port, pki, {
          auth: { method: 'oauth2', user: USER, getAccessToken: async () => token },
          send: { from: USER, to: 'anna.bianchi@example.it' },
        }),
      );
      expect(result.diagnosis).toBeNull();
      expect(result.ok).toBe(true);
      const auth = result.steps.find((s) => s.id === 'auth');
      expect(auth?.status).toBe('pass');
      expect(auth?.details?.mechanism).toBe('XOAUTH2');
      expect(result.server.authMechanisms).toEqual(['LOGIN', 'XOAUTH2']);
      expect(result.server.securityUsed).toBe('starttls');
      expect(result.server.greeting).toContain('Microsoft ESMTP MAIL Service ready');
      expect(result.transcript.some((l) => l.dir === 'client' && l.text === 'AUTH XOAUTH2 <redacted>')).toBe(
        true,
      );
    } finally {
      await server.close();
    }
  });

  it('Outlook.com: a password is tried with AUTH LOGIN (the only password mechanism offered)', async () => {
    const scenario = SCENARIOS[0]!;
    const server = await startSmtpServer(scenario.server(pki));
    try {
      const result = await runProbe(scenario.request(server.port, pki, 'Pw-for-provider-test-3'));
      expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('fail');
      const client = result.transcript.filter((l) => l.dir === 'client').map((l) => l.text);
      expect(client).toContain('AUTH LOGIN');
      expect(client.filter((t) => t === '<redacted>')).toHaveLength(2);
      expect(result.diagnosis?.reply).toContain(
        '5.7.139 Authentication unsuccessful, basic authentication is disabled.',
      );
    } finally {
      await server.close();
    }
  });

  it('Gmail: the exact two-line 534-5.7.9 reply → auth.app-password-required', async () => {
    const server = await startScriptedSmtp({
      key: pki.server.key,
      cert: pki.server.cert,
      ...gmailScript(REPLIES.gmailAppPasswordMultiline),
    });
    try {
      const result = await runProbe(
        request(server.port, pki, {
          clientName: 'client.mailcheck.test',
          auth: { method: 'password', user: USER, password: 'Gmail-normal-pw-5' },
        }),
      );
      expect(result.diagnosis?.id).toBe('auth.app-password-required');
      expect(result.diagnosis?.reply).toBe(REPLIES.gmailAppPasswordMultiline.replace('\r\n', '\n'));
      expect(result.server.authMechanisms).toContain('XOAUTH2');
      // PLAIN was chosen (Gmail offers it), and only after STARTTLS.
      expect(server.commands.map((c) => c.split(' ').slice(0, 2).join(' '))).toEqual([
        'EHLO client.mailcheck.test',
        'STARTTLS',
        'EHLO client.mailcheck.test',
        'AUTH PLAIN',
      ]);
    } finally {
      await server.close();
    }
  });
});
