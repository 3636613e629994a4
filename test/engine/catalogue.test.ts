/** The diagnosis catalogue as data: complete, bilingual, linked to real guide steps, documented. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/engine/probe';
import {
  DIAGNOSES,
  DIAGNOSIS_PARAMS,
  REPLY_PARAMS,
  SMTP_DIAGNOSES,
  SMTP_REPLY_RULES,
  audienceOfHost,
  getDiagnosis,
  placeholdersOf,
  renderDiagnosis,
} from '../../src/shared/diagnoses';
import { getGuide, getGuideStep } from '../../src/shared/guides';
import { ALL_STEP_IDS, LANGS } from '../../src/shared/probe-types';
import { DIAGNOSES_DOC_PATH, renderDiagnosesDoc } from '../../src/engine/probe/diagnoses-doc';
import { AGREED_OUTLOOK_STEPS } from '../support/agreed-ids';

const REQUIRED_IDS = [
  'dns.not-found',
  'dns.timeout',
  'net.refused',
  'net.timeout',
  'net.unreachable',
  'net.closed',
  'smtp.no-greeting',
  'smtp.rejected',
  'tls.mode-mismatch',
  'tls.starttls-unavailable',
  'tls.untrusted',
  'tls.hostname-mismatch',
  'tls.expired',
  'auth.not-offered',
  'auth.starttls-required',
  'auth.rejected',
  'auth.basic-disabled',
  'auth.smtp-auth-disabled',
  'auth.policy-blocked',
  'auth.app-password-required',
  'send.sender-denied',
  'send.recipient-rejected',
  'send.account-blocked',
  // Issue 14: a specific diagnosis for every reply family, plain words for the rest.
  'auth.web-login-required',
  'auth.too-many-attempts',
  'auth.account-disabled',
  'auth.basic-default-off',
  'send.auth-required',
  'send.relay-denied',
  'send.quota-exceeded',
  'send.ip-blocked',
  'send.too-large',
  'send.too-many-recipients',
  'send.recipient-unknown',
  'send.mailbox-full',
  'server.temporary',
  'server.greylisted',
  'server.permanent',
  'reply.temporary',
  'reply.permanent',
  'unknown',
];

describe('diagnosis catalogue', () => {
  it('has every required id, each once', () => {
    const ids = DIAGNOSES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it.each(DIAGNOSES.map((d) => [d.id, d] as const))('%s: complete in every language', (_id, entry) => {
    expect(ALL_STEP_IDS).toContain(entry.step);
    expect(entry.id).toMatch(/^[a-z]+(\.[a-z0-9-]+)?$/);
    expect(entry.advice.length).toBeGreaterThan(0);
    for (const lang of LANGS) {
      expect(entry.title[lang].trim().length).toBeGreaterThan(3);
      expect(entry.explanation[lang].trim().length).toBeGreaterThan(20);
      for (const item of entry.advice) expect(item[lang].trim().length).toBeGreaterThan(3);
    }
    // Translated, not copied.
    expect(entry.title.it).not.toBe(entry.title.en);
    expect(entry.explanation.it).not.toBe(entry.explanation.en);
  });

  it('uses only placeholders the engine always provides or the reply gives', () => {
    const allowed: readonly string[] = [...DIAGNOSIS_PARAMS, ...REPLY_PARAMS];
    for (const entry of DIAGNOSES) {
      const texts = LANGS.flatMap((l) => [
        entry.title[l],
        entry.explanation[l],
        ...entry.advice.map((a) => a[l]),
      ]);
      for (const name of texts.flatMap(placeholdersOf)) {
        expect(allowed, `${entry.id} uses {${name}}`).toContain(name);
      }
    }
  });

  it('links only to agreed, existing guide steps', () => {
    for (const entry of DIAGNOSES) {
      if (!entry.guide) continue;
      expect(entry.guide.guideId).toBe('outlook');
      expect(AGREED_OUTLOOK_STEPS).toContain(entry.guide.stepId);
      expect(getGuideStep(entry.guide.guideId, entry.guide.stepId), `${entry.id} guide`).not.toBeNull();
    }
    expect(getDiagnosis('auth.basic-disabled')?.guide?.stepId).toBe('modern-auth');
    expect(getDiagnosis('auth.smtp-auth-disabled')?.guide?.stepId).toBe('smtp-auth-admin');
    expect(getDiagnosis('send.account-blocked')?.guide?.stepId).toBe('verify-account');
  });

  it('says that on 587 the choice is STARTTLS, and that Microsoft says so too', () => {
    const entry = getDiagnosis('tls.mode-mismatch')!;
    expect(entry.explanation.en).toMatch(/587.*SSL\/TLS.*STARTTLS/s);
    expect(entry.explanation.it).toMatch(/587.*SSL\/TLS.*STARTTLS/s);
    const ref = (host: string) => ({ id: entry.id, step: entry.step, reply: null, params: { host } });
    for (const lang of LANGS) {
      const advice = renderDiagnosis(ref('smtp-mail.outlook.com'), lang).advice.join('\n');
      expect(advice).toMatch(/smtp-mail\.outlook\.com.*587.*STARTTLS.*Microsoft/);
      // Microsoft's settings page says STARTTLS for 587: no text may claim it says SSL/TLS.
      const all = [entry.explanation[lang], ...entry.advice.map((a) => a[lang])].join('\n');
      expect(all).not.toMatch(/Microsoft[^.]*(labels|indica)[^.]*SSL\/TLS/);
    }
    expect(renderDiagnosis(ref('mail.example.it'), 'en').advice.join('\n')).not.toMatch(/Microsoft/);
  });

  it('renders with every parameter filled in, in both languages', () => {
    const params = {
      host: 'smtp-mail.outlook.com',
      port: '587',
      security: 'starttls',
      user: 'a@outlook.it',
      mechanisms: 'LOGIN, XOAUTH2',
    };
    for (const entry of DIAGNOSES) {
      for (const lang of LANGS) {
        const r = renderDiagnosis({ id: entry.id, step: entry.step, reply: '535 x', params }, lang);
        expect(r.id).toBe(entry.id);
        expect(JSON.stringify(r)).not.toMatch(/\{[a-z]+\}/);
        // A Microsoft host: the advice meant for other servers is left out.
        expect(r.advice).toHaveLength(entry.advice.filter((a) => a.audience !== 'other').length);
        expect(r.reply).toBe('535 x');
      }
    }
    const r = renderDiagnosis({ id: 'net.refused', step: 'tcp', reply: null, params }, 'it');
    expect(r.explanation).toContain('smtp-mail.outlook.com');
    expect(r.explanation).toContain('587');
  });

  it('tells Microsoft submission hosts from other servers by name', () => {
    for (const host of [
      'smtp-mail.outlook.com',
      'smtp.office365.com',
      'SMTP.Office365.com.',
      'eur.smtp.outlook.com',
      'outlook.com',
    ]) {
      expect(audienceOfHost(host), host).toBe('microsoft');
    }
    for (const host of [
      'smtp.gmail.com',
      'mail.example.org',
      'notoutlook.com',
      'outlook.com.evil.example',
      'office365.com.example',
      '127.0.0.1',
      '::1',
      '',
      undefined,
    ]) {
      expect(audienceOfHost(host), String(host)).toBe('other');
    }
  });

  it('every entry has advice for Microsoft hosts and for other servers, in every language', () => {
    for (const entry of DIAGNOSES) {
      for (const host of ['smtp-mail.outlook.com', 'mail.example.org']) {
        for (const lang of LANGS) {
          const r = renderDiagnosis({ id: entry.id, step: entry.step, reply: null, params: { host } }, lang);
          expect(r.advice.length, `${entry.id} ${host} ${lang}`).toBeGreaterThan(0);
        }
      }
    }
  });

  describe('auth.rejected fits the server', () => {
    const params = (host: string) => ({
      host,
      port: '587',
      security: 'starttls',
      user: 'tester@example.org',
      mechanisms: 'PLAIN, LOGIN',
    });
    const ref = (host: string) => ({
      id: 'auth.rejected',
      step: 'auth' as const,
      reply: '535 5.7.8 x',
      params: params(host),
    });

    it.each(['smtp-mail.outlook.com', 'smtp.office365.com'])(
      '%s: Outlook.com advice and the guide step',
      (host) => {
        const en = renderDiagnosis(ref(host), 'en');
        const it = renderDiagnosis(ref(host), 'it');
        expect(en.advice.join('\n')).toMatch(/Sign in with Microsoft/);
        expect(en.advice.join('\n')).toMatch(/app password/);
        expect(it.advice.join('\n')).toMatch(/Accedi con Microsoft/);
        // Personal accounts refuse passwords AND app passwords (since September 2024): said plainly.
        expect(en.advice.join('\n')).toMatch(/refuse passwords and app passwords/);
        expect(en.advice.join('\n')).not.toMatch(/\bmay\b/);
        expect(it.advice.join('\n')).toMatch(/rifiutano password e password per le app/);
        expect(en.guide).toEqual({
          guideId: 'outlook',
          stepId: 'modern-auth',
          guideTitle: 'Outlook.com / Hotmail: sending mail from another program',
          stepTitle: getGuideStep('outlook', 'modern-auth')?.title.en,
        });
        expect(it.guide?.stepId).toBe('modern-auth');
        expect(en.advice.join('\n')).not.toMatch(/administrator/);
      },
    );

    it.each(['mail.example.org', '127.0.0.1', 'smtp.gmail.com'])(
      '%s: no Microsoft advice, no Outlook guide',
      (host) => {
        for (const lang of LANGS) {
          const r = renderDiagnosis(ref(host), lang);
          expect(r.advice.length).toBeGreaterThanOrEqual(3);
          expect([r.explanation, ...r.advice].join('\n')).not.toMatch(
            /Outlook|Hotmail|Microsoft|outlook\.it/i,
          );
          expect(r.guide).toBeNull();
          expect(r.explanation).toContain(host);
        }
        expect(renderDiagnosis(ref(host), 'en').advice.join('\n')).toMatch(/administrator/);
        expect(renderDiagnosis(ref(host), 'it').advice.join('\n')).toMatch(/amministratore/);
      },
    );
  });

  describe('every entry fits the server', () => {
    /**
     * Entries that only Microsoft's own replies, or the Microsoft sign-in, lead to: they may name
     * Microsoft whatever the host (a Microsoft reply can come through any name, e.g. an IP address).
     */
    const INHERENTLY_MICROSOFT = [
      'auth.basic-disabled', // 535 5.7.139 basic authentication disabled
      'auth.basic-default-off', // 550 5.7.30 Basic authentication not supported for Client Submission
      'auth.smtp-auth-disabled', // SmtpClientAuthentication is disabled
      'auth.policy-blocked', // security defaults / Conditional Access
      'auth.token-unavailable', // no token from Sign in with Microsoft
      'send.account-blocked', // Outlook.com: verify your account, OutboundSpamException, 5.7.501
      'oauth.consent-required',
      'oauth.account-type-not-allowed',
      'oauth.grant-expired',
      'oauth.token-rejected',
      'oauth.cancelled',
      'oauth.client-id-missing',
      'oauth.timed-out',
      'oauth.failed',
    ];
    const MICROSOFT_WORDS = /outlook|hotmail|microsoft|office ?365/i;
    const ref = (entry: (typeof DIAGNOSES)[number], host: string) => ({
      id: entry.id,
      step: entry.step,
      reply: '550 5.0.0 x',
      params: {
        host,
        port: '587',
        security: 'starttls',
        user: 'tester@example.it',
        mechanisms: 'PLAIN, LOGIN',
      },
    });
    const words = (r: { title: string; explanation: string; advice: string[] }) =>
      [r.title, r.explanation, ...r.advice].join('\n');

    it('lists as Microsoft-only exactly entries that exist and do name Microsoft', () => {
      for (const id of INHERENTLY_MICROSOFT) {
        const entry = getDiagnosis(id);
        expect(entry, id).toBeDefined();
        // An entry on this list that never names Microsoft does not belong on it.
        expect(words(renderDiagnosis(ref(entry!, 'mail.example.it'), 'en')), id).toMatch(MICROSOFT_WORDS);
      }
    });

    it.each(['mail.example.it', '127.0.0.1'])(
      '%s: no Outlook, Hotmail or Microsoft and no Outlook guide, unless the entry is Microsoft’s own',
      (host) => {
        const generic = DIAGNOSES.filter((entry) => !INHERENTLY_MICROSOFT.includes(entry.id));
        expect(generic.length).toBeGreaterThan(20);
        for (const entry of generic) {
          for (const lang of LANGS) {
            const r = renderDiagnosis(ref(entry, host), lang);
            expect(words(r), `${entry.id} ${lang}`).not.toMatch(MICROSOFT_WORDS);
            expect(r.guide, `${entry.id} guide`).toBeNull();
            expect(r.advice.length, `${entry.id} ${lang} advice`).toBeGreaterThanOrEqual(2);
          }
        }
        // The neutral lines that replace the Outlook.com ones.
        const advice = (id: string, lang: 'en' | 'it') =>
          renderDiagnosis(ref(getDiagnosis(id)!, host), lang).advice.join('\n');
        expect(advice('dns.not-found', 'en')).toMatch(/provider or administrator/);
        expect(advice('dns.not-found', 'it')).toMatch(/provider o dall’amministratore/);
        expect(advice('net.refused', 'en')).toMatch(/587 \(STARTTLS\) or 465 \(SSL\/TLS\)/);
        expect(advice('net.refused', 'it')).toMatch(/587 \(STARTTLS\) o sulla 465 \(SSL\/TLS\)/);
        expect(advice('auth.method-unsupported', 'en')).toMatch(/CRAM-MD5/);
      },
    );

    it('smtp-mail.outlook.com still gets the Outlook.com advice and guide links', () => {
      const host = 'smtp-mail.outlook.com';
      for (const entry of DIAGNOSES) {
        for (const lang of LANGS) {
          const r = renderDiagnosis(ref(entry, host), lang);
          const forMicrosoft = entry.advice.filter((a) => a.audience === 'microsoft').map((a) => a[lang]);
          for (const line of forMicrosoft) expect(r.advice, `${entry.id} ${lang}`).toContain(line);
          const forOthers = entry.advice.filter((a) => a.audience === 'other').map((a) => a[lang]);
          for (const line of forOthers) expect(r.advice, `${entry.id} ${lang}`).not.toContain(line);
          const link = entry.guide;
          expect(r.guide, entry.id).toEqual(
            link
              ? {
                  guideId: link.guideId,
                  stepId: link.stepId,
                  guideTitle: getGuide(link.guideId)?.title[lang],
                  stepTitle: getGuideStep(link.guideId, link.stepId)?.title[lang],
                }
              : null,
          );
        }
      }
      const advice = (id: string, lang: 'en' | 'it') =>
        renderDiagnosis(ref(getDiagnosis(id)!, host), lang).advice.join('\n');
      for (const id of [
        'dns.not-found',
        'net.refused',
        'tls.mode-mismatch',
        'tls.starttls-unavailable',
        'tls.hostname-mismatch',
        'auth.not-offered',
      ]) {
        expect(advice(id, 'en'), id).toMatch(/Outlook\.com/);
        expect(advice(id, 'it'), id).toMatch(/Outlook\.com/);
      }
      expect(advice('dns.not-found', 'en')).toContain('smtp-mail.outlook.com');
      expect(advice('auth.method-unsupported', 'en')).toMatch(/Sign in with Microsoft/);
      expect(advice('send.recipient-rejected', 'it')).toMatch(/accesso con Microsoft/);
      expect(renderDiagnosis(ref(getDiagnosis('net.timeout')!, host), 'en').guide).toEqual({
        guideId: 'outlook',
        stepId: 'server-settings',
        guideTitle: 'Outlook.com / Hotmail: sending mail from another program',
        stepTitle: '1. Outgoing server settings',
      });
    });
  });

  it('renders an id it does not know as unknown, keeping id and reply', () => {
    const r = renderDiagnosis({ id: 'future.thing', step: 'auth', reply: '599 what', params: {} }, 'it');
    expect(r.id).toBe('future.thing');
    expect(r.title).toBe(getDiagnosis('unknown')!.title.it);
    expect(r.explanation).toContain('accesso');
    expect(r.reply).toBe('599 what');
  });

  it('every classifier rule points at a catalogue entry, every SMTP entry is reachable', () => {
    for (const rule of RULES) expect(getDiagnosis(rule.id), rule.id).toBeDefined();
    for (const rule of SMTP_REPLY_RULES) expect(getDiagnosis(rule.id), rule.id).toBeDefined();
    // Entries the engine picks itself rather than through a rule; the reply fallbacks.
    const chosenByEngine = [
      'auth.plaintext-refused',
      'auth.not-offered',
      'auth.token-unavailable',
      'reply.temporary',
      'reply.permanent',
      'unknown',
    ];
    for (const entry of SMTP_DIAGNOSES) {
      const reachable =
        RULES.some((r) => r.id === entry.id) ||
        SMTP_REPLY_RULES.some((r) => r.id === entry.id) ||
        chosenByEngine.includes(entry.id);
      expect(reachable, entry.id).toBe(true);
    }
  });

  it('docs/diagnoses.md is up to date (npx tsx scripts/gen-diagnoses-doc.ts)', async () => {
    expect(readFileSync(DIAGNOSES_DOC_PATH, 'utf8')).toBe(await renderDiagnosesDoc());
  });
});
