/** The diagnosis catalogue as data: complete, bilingual, linked to real guide steps, documented. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/engine/probe';
import {
  DIAGNOSES,
  DIAGNOSIS_PARAMS,
  SMTP_DIAGNOSES,
  audienceOfHost,
  getDiagnosis,
  placeholdersOf,
  renderDiagnosis,
} from '../../src/shared/diagnoses';
import { getGuideStep } from '../../src/shared/guides';
import { LANGS, STEP_IDS } from '../../src/shared/probe-types';
import { DIAGNOSES_DOC_PATH, renderDiagnosesDoc } from '../../src/engine/probe/diagnoses-doc';

const AGREED_OUTLOOK_STEPS = [
  'server-settings',
  'two-step-verification',
  'app-password',
  'modern-auth',
  'smtp-auth-admin',
  'verify-account',
];

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
  'unknown',
];

describe('diagnosis catalogue', () => {
  it('has every required id, each once', () => {
    const ids = DIAGNOSES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_IDS) expect(ids).toContain(id);
  });

  it.each(DIAGNOSES.map((d) => [d.id, d] as const))('%s: complete in every language', (_id, entry) => {
    expect(STEP_IDS).toContain(entry.step);
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

  it('uses only placeholders the engine always provides', () => {
    for (const entry of DIAGNOSES) {
      const texts = LANGS.flatMap((l) => [
        entry.title[l],
        entry.explanation[l],
        ...entry.advice.map((a) => a[l]),
      ]);
      for (const name of texts.flatMap(placeholdersOf)) {
        expect(DIAGNOSIS_PARAMS as readonly string[], `${entry.id} uses {${name}}`).toContain(name);
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

  it('says that on 587 the choice is STARTTLS, although Microsoft labels it SSL/TLS', () => {
    const entry = getDiagnosis('tls.mode-mismatch')!;
    expect(entry.explanation.en).toMatch(/587.*SSL\/TLS.*STARTTLS/s);
    expect(entry.explanation.it).toMatch(/587.*SSL\/TLS.*STARTTLS/s);
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
        expect(en.guide).toEqual({ guideId: 'outlook', stepId: 'app-password' });
        expect(it.guide).toEqual({ guideId: 'outlook', stepId: 'app-password' });
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

  it('renders an id it does not know as unknown, keeping id and reply', () => {
    const r = renderDiagnosis({ id: 'future.thing', step: 'auth', reply: '599 what', params: {} }, 'it');
    expect(r.id).toBe('future.thing');
    expect(r.title).toBe(getDiagnosis('unknown')!.title.it);
    expect(r.explanation).toContain('accesso');
    expect(r.reply).toBe('599 what');
  });

  it('every classifier rule points at a catalogue entry, every SMTP entry is reachable', () => {
    for (const rule of RULES) expect(getDiagnosis(rule.id), rule.id).toBeDefined();
    // Entries the engine picks itself rather than through a rule.
    const chosenByEngine = [
      'auth.plaintext-refused',
      'auth.not-offered',
      'auth.method-unsupported',
      'auth.token-unavailable',
      'unknown',
    ];
    for (const entry of SMTP_DIAGNOSES) {
      const reachable = RULES.some((r) => r.id === entry.id) || chosenByEngine.includes(entry.id);
      expect(reachable, entry.id).toBe(true);
    }
  });

  it('docs/diagnoses.md is up to date (npx tsx scripts/gen-diagnoses-doc.ts)', async () => {
    expect(readFileSync(DIAGNOSES_DOC_PATH, 'utf8')).toBe(await renderDiagnosesDoc());
  });
});
