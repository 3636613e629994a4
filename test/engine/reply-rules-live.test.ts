/**
 * Every rule of the SMTP reply table, exercised end to end: a plaintext SMTP peer on loopback sends
 * the rule's exact example reply at the rule's step (greeting, EHLO, STARTTLS, AUTH, MAIL FROM,
 * RCPT TO, DATA, end of data), the real engine (runProbe, nodemailer underneath) runs the test, and
 * the diagnosis must be the rule's id, at the probe step where that reply happens, with the reply
 * kept for the user. Plus the RFC 3463 fallback for replies no rule knows, at several steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/engine/probe';
import {
  LANGS,
  type AuthInput,
  type ProbeRequest,
  type SecurityMode,
  type StepId,
} from '../../src/shared/probe-types';
import { SMTP_REPLY_RULES, renderDiagnosis, type ReplyStep } from '../../src/shared/diagnoses';
import { startReplyScriptServer, type ReplyScriptServer } from '../support/reply-script-server';
import { leakedForms, secretForms } from '../support/secret-forms';

/** Where each reply step shows up in the probe's steps. */
const PROBE_STEP: Record<ReplyStep, StepId> = {
  greeting: 'greeting',
  ehlo: 'ehlo',
  starttls: 'tls',
  auth: 'auth',
  mail: 'send',
  rcpt: 'send',
  data: 'send',
  'end-of-data': 'send',
};

const USER = 'mario.rossi@example.it';
const SECRET = 'Reply-rules-live-secret-1';

function requestFor(port: number, step: ReplyStep, xoauth2 = false): ProbeRequest {
  const auth: AuthInput = xoauth2
    ? { method: 'oauth2', user: USER, accessToken: SECRET }
    : { method: 'password', user: USER, password: SECRET };
  // Plaintext keeps the test fast; only the STARTTLS rules need STARTTLS asked for.
  const security: SecurityMode = step === 'starttls' ? 'starttls' : 'none';
  return {
    host: '127.0.0.1',
    port,
    security,
    allowPlaintextAuth: true,
    auth,
    send: { from: USER, to: 'anna.bianchi@example.it' },
    timeoutMs: 5000,
  };
}

/** The reply as nodemailer hands it over: the lines joined by `\n`. */
const asReceived = (reply: string): string => reply.split('\r\n').join('\n');

describe('the reply table, live: each rule’s example at its step gets its diagnosis', () => {
  let server: ReplyScriptServer;
  beforeAll(async () => {
    server = await startReplyScriptServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(SMTP_REPLY_RULES.map((rule, index) => [index, rule.id, rule.exampleStep, rule] as const))(
    'rule %i → %s at %s',
    async (_index, id, step, rule) => {
      server.script(step, rule.example);
      const result = await runProbe(requestFor(server.port, step, rule.xoauth2 === true));
      expect(result.diagnosis?.id, result.diagnosis?.reply ?? 'no reply').toBe(id);
      expect(result.diagnosis?.step).toBe(PROBE_STEP[step]);
      expect(result.steps.find((s) => s.status === 'fail')?.id).toBe(PROBE_STEP[step]);
      expect(result.diagnosis?.reply).toBe(asReceived(rule.example));
      // Whatever the reply, the result never carries the password or token in any form.
      expect(leakedForms(JSON.stringify(result), secretForms(SECRET, USER))).toEqual([]);
      for (const lang of LANGS) {
        const text = renderDiagnosis(result.diagnosis!, lang);
        expect(`${text.title} ${text.explanation} ${text.advice.join(' ')}`).not.toMatch(/\{\w+\}|«\?»/);
      }
      // The password never reaches the server in the clear when the reply came before AUTH.
      if (['greeting', 'ehlo', 'starttls'].includes(step)) {
        expect(server.commands.some((c) => c.startsWith('AUTH'))).toBe(false);
      }
    },
  );
});

describe('replies no rule knows, live: named from their status code, the server quoted', () => {
  let server: ReplyScriptServer;
  beforeAll(async () => {
    server = await startReplyScriptServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([
    ['greeting', '450 4.4.5 Congestion, come back later', 'reply.temporary', 'the mail system is congested'],
    ['ehlo', '550 5.5.0 Who are you', 'reply.permanent', 'a protocol problem'],
    ['auth', '556 5.7.17 Mailbox owner changed', 'reply.permanent', 'the mailbox owner has changed'],
    ['mail', '555 5.5.4 Unsupported option: SMTPUTF8', 'reply.permanent', 'not valid'],
    ['rcpt', '550 5.2.1 Mailbox disabled', 'reply.permanent', 'the mailbox is disabled'],
    ['data', '503 5.5.1 Error: need RCPT command', 'reply.permanent', 'the command is not valid'],
    ['end-of-data', '554 5.6.7 Non-ASCII addresses not permitted', 'reply.permanent', 'non-ASCII'],
    ['end-of-data', '599 Something new', 'reply.permanent', 'a permanent failure'],
  ] as const)('%s: %s → %s', async (step, reply, id, meaning) => {
    server.script(step, reply);
    const result = await runProbe(requestFor(server.port, step));
    expect(result.diagnosis?.id).toBe(id);
    const en = renderDiagnosis(result.diagnosis!, 'en');
    const serverText = reply.replace(/^\d{3} (\d\.\d+\.\d+ )?/, '');
    expect(en.explanation).toContain(`«${serverText}»`);
    expect(en.explanation).toContain(meaning);
    const it = renderDiagnosis(result.diagnosis!, 'it');
    expect(it.explanation).toContain(`«${serverText}»`);
    expect(it.explanation).not.toBe(en.explanation);
  });
});

describe('the envelope rules again, with PIPELINING (as Gmail and Outlook.com advertise it)', () => {
  let server: ReplyScriptServer;
  beforeAll(async () => {
    server = await startReplyScriptServer({ pipelining: true });
  });
  afterAll(async () => {
    await server.close();
  });

  const envelopeRules = SMTP_REPLY_RULES.filter((r) => r.exampleStep === 'mail' || r.exampleStep === 'rcpt');

  /**
   * A 421 to a pipelined MAIL FROM: nodemailer sees the server close before it calls the send back
   * with the reply; the engine lets that callback win, so the reply (not "closed") names the cause.
   */
  it('a 421 to a pipelined MAIL FROM is named by its reply, not as a closed connection', async () => {
    const rule = SMTP_REPLY_RULES.find((r) => r.exampleStep === 'mail' && r.example.startsWith('421'))!;
    server.script('mail', rule.example);
    const result = await runProbe(requestFor(server.port, 'mail'));
    expect(result.diagnosis?.id).toBe(rule.id);
    expect(result.diagnosis?.reply).toBe(asReceived(rule.example));
  });

  it('has envelope rules to test', () => {
    expect(envelopeRules.length).toBeGreaterThan(10);
  });

  it.each(envelopeRules.map((rule) => [rule.id, rule.exampleStep, rule] as const))(
    '%s at %s, pipelined',
    async (id, step, rule) => {
      server.script(step, rule.example);
      const result = await runProbe(requestFor(server.port, step));
      expect(result.diagnosis?.id, result.diagnosis?.reply ?? 'no reply').toBe(id);
      expect(result.diagnosis?.reply).toBe(asReceived(rule.example));
      // The client really pipelined: DATA went out although the refusal came before it.
      expect(server.commands).toContain('DATA');
    },
  );
});
