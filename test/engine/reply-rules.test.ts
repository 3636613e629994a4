/**
 * The SMTP reply table as data: every rule leads to a catalogue entry written in every language,
 * names a source and a date, carries a real example that it (and no earlier rule) catches; the
 * parser reads real multi-line replies; the RFC 3463 fallback words any class/subject/detail.
 */
import { describe, expect, it } from 'vitest';
import {
  REPLY_STEPS,
  SMTP_REPLY_RULES,
  describeReplyStatus,
  diagnosisIdForReply,
  getDiagnosis,
  parseSmtpReply,
  renderDiagnosis,
} from '../../src/shared/diagnoses';
import { quotableText, ruleMatches } from '../../src/shared/diagnoses/smtp-reply';
import { LANGS } from '../../src/shared/probe-types';

const rules = SMTP_REPLY_RULES.map((rule, index) => [index, rule.id, rule] as const);

describe('the SMTP reply table', () => {
  it('has a rule for every family the issue names', () => {
    const ids = new Set(SMTP_REPLY_RULES.map((r) => r.id));
    for (const id of [
      'auth.rejected',
      'auth.app-password-required',
      'auth.web-login-required',
      'auth.too-many-attempts',
      'auth.basic-disabled',
      'auth.basic-default-off',
      'auth.smtp-auth-disabled',
      'auth.policy-blocked',
      'auth.account-disabled',
      'send.auth-required',
      'send.relay-denied',
      'send.sender-denied',
      'send.quota-exceeded',
      'send.account-blocked',
      'send.ip-blocked',
      'send.too-large',
      'send.too-many-recipients',
      'send.recipient-unknown',
      'send.mailbox-full',
      'send.helo-rejected',
      'server.temporary',
      'server.greylisted',
      'server.permanent',
    ]) {
      expect(ids, id).toContain(id);
    }
  });

  it('has examples at every step a program goes through, so the live test covers them all', () => {
    const covered = new Set(SMTP_REPLY_RULES.map((r) => r.exampleStep));
    for (const step of REPLY_STEPS) expect(covered, step).toContain(step);
  });

  it.each(rules)('rule %i (%s): a catalogue entry in every language, a source and a date', (_i, id, rule) => {
    const entry = getDiagnosis(id);
    expect(entry, id).toBeDefined();
    for (const lang of LANGS) {
      expect(entry!.title[lang].trim().length).toBeGreaterThan(3);
      expect(entry!.explanation[lang].trim().length).toBeGreaterThan(20);
      expect(entry!.advice.length).toBeGreaterThan(0);
    }
    expect(rule.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
    expect(rule.checked).toMatch(/^20\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
    expect(Number.isNaN(Date.parse(rule.checked))).toBe(false);
    expect(REPLY_STEPS).toContain(rule.exampleStep);
    if (rule.steps) expect(rule.steps).toContain(rule.exampleStep);
    // A rule with no condition at all would catch everything after it.
    expect(rule.code ?? rule.enhanced ?? rule.text ?? rule.steps ?? rule.xoauth2).toBeDefined();
  });

  it.each(rules)('rule %i (%s): its example is caught by it and by no earlier rule', (index, _id, rule) => {
    const reply = parseSmtpReply(rule.example.split('\r\n').join('\n'));
    expect(reply, rule.example).not.toBeNull();
    const ctx = { step: rule.exampleStep, xoauth2: rule.xoauth2 === true };
    expect(ruleMatches(rule, reply!, ctx), 'the rule does not catch its own example').toBe(true);
    const earlier = SMTP_REPLY_RULES.slice(0, index).findIndex((r) => ruleMatches(r, reply!, ctx));
    expect(earlier, `shadowed by rule ${earlier} (${SMTP_REPLY_RULES[earlier]?.id})`).toBe(-1);
  });

  it('a rule valid at some steps only does not fire at the others', () => {
    // 535 means wrong credentials at AUTH; a 535 elsewhere is not a login verdict.
    expect(
      diagnosisIdForReply('535 5.7.8 Error: authentication failed', { step: 'auth', xoauth2: false }),
    ).toBe('auth.rejected');
    expect(
      diagnosisIdForReply('535 5.7.8 Error: authentication failed', { step: 'rcpt', xoauth2: false }),
    ).toBe('reply.permanent');
    // The same 5.7.1 is a policy refusal of the message only at its end.
    expect(diagnosisIdForReply('550 5.7.1 Refused', { step: 'end-of-data', xoauth2: false })).toBe(
      'send.rejected',
    );
    expect(diagnosisIdForReply('550 5.7.1 Refused', { step: 'mail', xoauth2: false })).toBe(
      'reply.permanent',
    );
    expect(diagnosisIdForReply('not a reply', { step: 'auth', xoauth2: false })).toBeNull();
  });
});

describe('parseSmtpReply', () => {
  it('reads the codes and the text of single- and multi-line replies', () => {
    expect(parseSmtpReply('535 5.7.8 Error: authentication failed')).toEqual({
      code: '535',
      enhanced: '5.7.8',
      text: 'Error: authentication failed',
    });
    // Gmail repeats the enhanced code on every line; nodemailer joins lines with \n.
    expect(
      parseSmtpReply(
        '534-5.7.14 Please log in via\n534-5.7.14 your web browser and then try again.\n534 5.7.14  Learn more',
      ),
    ).toEqual({
      code: '534',
      enhanced: '5.7.14',
      text: 'Please log in via your web browser and then try again. Learn more',
    });
    expect(parseSmtpReply('535 Incorrect authentication data')).toEqual({
      code: '535',
      enhanced: null,
      text: 'Incorrect authentication data',
    });
    expect(parseSmtpReply('421')).toEqual({ code: '421', enhanced: null, text: '' });
    // A version number in the text is not an enhanced code.
    expect(parseSmtpReply('554 5.7.1.2 looks odd')?.enhanced).toBeNull();
    for (const notReply of ['', null, undefined, 'HTTP/1.1 400 Bad Request', '5.7.1 no basic code', '12 x']) {
      expect(parseSmtpReply(notReply), String(notReply)).toBeNull();
    }
  });

  it('reads a hostile reply only so far, and quotes it without control characters', () => {
    const huge = `550 5.7.1 ${'A'.repeat(100_000)}`;
    expect(parseSmtpReply(huge)!.text.length).toBeLessThan(5000);
    const quoted = quotableText('evil\u001b[31m red \u202e reversed\u0007 bell\r\nnext');
    // eslint-disable-next-line no-control-regex
    expect(quoted).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(quoted).toContain('evil');
    expect(quotableText('x'.repeat(1000)).length).toBeLessThanOrEqual(300);
  });
});

describe('RFC 3463 fallback', () => {
  const words = (reply: string, lang: 'en' | 'it') => describeReplyStatus(parseSmtpReply(reply)!, lang);

  it.each([
    // class, subject and detail all known
    [
      '550 5.1.1 x',
      'permanent failure (addressing): the recipient mailbox does not exist',
      'errore permanente (indirizzi): la casella del destinatario non esiste',
    ],
    [
      '452 4.2.2 x',
      'temporary failure (mailbox): the mailbox is full',
      'errore temporaneo (casella): la casella è piena',
    ],
    [
      '451 4.3.0 x',
      'temporary failure (mail system): a problem of the mail system',
      'errore temporaneo (sistema di posta): un problema del sistema di posta',
    ],
    [
      '421 4.4.5 x',
      'temporary failure (network and routing): the mail system is congested',
      'errore temporaneo (rete e instradamento): il sistema di posta è congestionato',
    ],
    [
      '501 5.5.4 x',
      'permanent failure (mail protocol): the command arguments are not valid',
      'errore permanente (protocollo di posta): gli argomenti del comando non sono validi',
    ],
    [
      '554 5.6.1 x',
      'permanent failure (message content): the content type is not supported',
      'errore permanente (contenuto del messaggio): il tipo di contenuto non è supportato',
    ],
    [
      '535 5.7.8 x',
      'permanent failure (security or policy): the login credentials are not valid',
      'errore permanente (sicurezza o regole del server): le credenziali di accesso non sono valide',
    ],
    [
      '550 5.7.13 x',
      'permanent failure (security or policy): the user account is disabled',
      'errore permanente (sicurezza o regole del server): l’account dell’utente è disattivato',
    ],
    [
      '550 5.0.0 x',
      'permanent failure (other): no further detail',
      'errore permanente (altro): nessun dettaglio',
    ],
    // detail unknown: class and subject only
    [
      '550 5.7.999 x',
      'permanent failure (security or policy)',
      'errore permanente (sicurezza o regole del server)',
    ],
    ['450 4.1.77 x', 'temporary failure (addressing)', 'errore temporaneo (indirizzi)'],
    // subject unknown: class only
    ['550 5.9.1 x', 'permanent failure', 'errore permanente'],
    ['450 4.9.9 x', 'temporary failure', 'errore temporaneo'],
    // no enhanced code: the basic code (RFC 5321, RFC 4954), else its class
    [
      '421 x',
      'the service is not available and closes the connection',
      'il servizio non è disponibile e chiude la connessione',
    ],
    ['535 x', 'the login credentials are not valid', 'le credenziali di accesso non sono valide'],
    ['554 x', 'the transaction failed', 'la transazione non è riuscita'],
    ['459 x', 'a temporary failure', 'un errore temporaneo'],
    ['599 x', 'a permanent failure', 'un errore permanente'],
    ['250 x', 'an answer that does not fit this step', 'una risposta che non si adatta a questo passaggio'],
  ])('%s', (reply, en, it) => {
    expect(words(reply, 'en')).toBe(en);
    expect(words(reply, 'it')).toBe(it);
  });

  it('every class/subject/detail combination reads as words in both languages', () => {
    for (const cls of ['4', '5']) {
      for (let subject = 0; subject <= 7; subject++) {
        for (let detail = 0; detail <= 30; detail++) {
          const reply = `${cls === '4' ? '450' : '550'} ${cls}.${subject}.${detail} x`;
          const en = words(reply, 'en');
          const it = words(reply, 'it');
          expect(en).toMatch(cls === '4' ? /^temporary failure/ : /^permanent failure/);
          expect(it).toMatch(cls === '4' ? /^errore temporaneo/ : /^errore permanente/);
          expect(it).not.toBe(en);
        }
      }
    }
  });

  it('renders reply.permanent and reply.temporary with the codes, the meaning and the server’s words', () => {
    const ref = (id: string, reply: string) => ({
      id,
      step: 'send' as const,
      reply,
      params: { host: 'mail.example.it' },
    });
    const en = renderDiagnosis(ref('reply.permanent', '550 5.7.13 Your account is gone'), 'en');
    expect(en.explanation).toContain('«Your account is gone»');
    expect(en.explanation).toContain(
      '550 5.7.13 means: permanent failure (security or policy): the user account is disabled',
    );
    const it = renderDiagnosis(ref('reply.temporary', '451 Try later'), 'it');
    expect(it.explanation).toContain('«Try later»');
    expect(it.explanation).toContain('Il codice 451 significa: un errore locale del server');
    // No reply (an old report, say): placeholders never show raw.
    const none = renderDiagnosis({ ...ref('reply.permanent', ''), reply: null }, 'en');
    expect(none.explanation).not.toMatch(/\{\w+\}/);
  });
});
