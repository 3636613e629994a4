/**
 * The OAuth entries of the diagnosis catalogue and the error table that points at them: every
 * entry complete in both languages and linked to a real guide step; every rule pointing at an
 * entry; Microsoft's documented errors landing on the right entry.
 */
import { describe, expect, it } from 'vitest';
import { DIAGNOSIS_PARAMS, getDiagnosis, placeholdersOf, renderDiagnosis } from '../../src/shared/diagnoses';
import {
  aadstsCode,
  OAUTH_DIAGNOSES,
  OAUTH_DIAGNOSIS_IDS,
  OAUTH_ERROR_RULES,
  oauthDiagnosisIdFor,
} from '../../src/shared/diagnoses/oauth';
import { getGuideStep } from '../../src/shared/guides';
import { LANGS } from '../../src/shared/probe-types';

describe('OAuth diagnosis entries', () => {
  it('has one entry per id, complete in every language, with ordered advice and a real guide step', () => {
    const ids = OAUTH_DIAGNOSES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.values(OAUTH_DIAGNOSIS_IDS).sort());
    for (const entry of OAUTH_DIAGNOSES) {
      expect(getDiagnosis(entry.id), `${entry.id} is merged into the catalogue`).toBe(entry);
      expect(entry.advice.length).toBeGreaterThan(0);
      for (const lang of LANGS) {
        const texts = [entry.title[lang], entry.explanation[lang], ...entry.advice.map((a) => a[lang])];
        for (const text of texts) {
          expect(text.trim().length, `${entry.id} ${lang}`).toBeGreaterThan(3);
          for (const name of placeholdersOf(text)) expect(DIAGNOSIS_PARAMS).toContain(name);
        }
      }
      expect(entry.title.it).not.toBe(entry.title.en);
      expect(entry.guide, entry.id).toBeDefined();
      expect(
        getGuideStep(entry.guide!.guideId, entry.guide!.stepId),
        `${entry.id} guide step`,
      ).not.toBeNull();
    }
  });

  it('renders with the user filled in', () => {
    const rendered = renderDiagnosis(
      {
        id: 'oauth.token-rejected',
        step: 'auth',
        reply: '535 5.7.3 Authentication unsuccessful',
        params: { user: 'alice@outlook.com' },
      },
      'it',
    );
    expect(rendered.advice.join(' ')).toContain('alice@outlook.com');
    expect(rendered.guide).toEqual({
      guideId: 'outlook',
      stepId: 'smtp-auth-admin',
      guideTitle: 'Outlook.com / Hotmail: inviare posta da un altro programma',
      stepTitle: '4. Microsoft 365: un amministratore abilita l’SMTP autenticato',
    });
  });
});

describe('OAuth error table', () => {
  it('points only at existing entries', () => {
    for (const rule of OAUTH_ERROR_RULES) expect(getDiagnosis(rule.diagnosisId)).toBeDefined();
  });

  it.each([
    [
      'consent_required',
      'AADSTS65001: The user or administrator has not consented',
      'oauth.consent-required',
    ],
    ['invalid_grant', 'AADSTS65001: The user or administrator has not consented', 'oauth.consent-required'],
    ['access_denied', 'AADSTS90094: The grant requires admin permission.', 'oauth.consent-required'],
    ['access_denied', 'AADSTS65004: User declined to consent to access the app.', 'oauth.cancelled'],
    ['access_denied', undefined, 'oauth.cancelled'],
    [
      'invalid_request',
      "AADSTS50020: User account 'a@outlook.com' from identity provider 'live.com' does not exist",
      'oauth.account-type-not-allowed',
    ],
    [
      'unauthorized_client',
      "AADSTS700016: Application with identifier 'x' was not found",
      'oauth.account-type-not-allowed',
    ],
    [
      'unauthorized_client',
      'The client does not exist or is not enabled for consumers.',
      'oauth.account-type-not-allowed',
    ],
    [
      'invalid_grant',
      'AADSTS70008: The provided authorization code or refresh token has expired',
      'oauth.grant-expired',
    ],
    [
      'invalid_grant',
      'AADSTS50173: The provided grant has expired due to it being revoked',
      'oauth.grant-expired',
    ],
    [
      'invalid_grant',
      'AADSTS700082: The refresh token has expired due to inactivity.',
      'oauth.grant-expired',
    ],
    ['authorization_pending', 'AADSTS70016: Authorization is pending.', 'oauth.cancelled'],
    ['expired_token', 'AADSTS70019: Verification code expired.', 'oauth.cancelled'],
    ['temporarily_unavailable', 'AADSTS90006: something new', 'oauth.failed'],
  ])('%s / %s → %s', (error, description, expected) => {
    expect(oauthDiagnosisIdFor(error, description)).toBe(expected);
  });

  it('reads the AADSTS number only where Microsoft puts one', () => {
    expect(aadstsCode('AADSTS70008: expired. Trace ID: 0d3c…')).toBe('70008');
    expect(aadstsCode('no code here AADSTS')).toBeNull();
    expect(aadstsCode(undefined)).toBeNull();
  });
});
