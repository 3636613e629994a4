/// <reference types="node" />
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSES } from '../../src/shared/diagnoses';
import { getGuide, getGuideStep, GUIDES, guideForProvider } from '../../src/shared/guides';
import { getProvider } from '../../src/shared/providers';

const AGREED_OUTLOOK_STEPS = [
  'server-settings',
  'modern-auth',
  'cannot-sign-in',
  'smtp-auth-admin',
  'verify-account',
  'two-step-verification',
  'app-password',
];

describe('guides (data)', () => {
  it('the Outlook guide has exactly the agreed step ids, in order', () => {
    expect(getGuide('outlook')?.steps.map((s) => s.id)).toEqual(AGREED_OUTLOOK_STEPS);
  });

  it('every step has title, body, alt text in both languages and a picture that exists', () => {
    for (const guide of GUIDES) {
      for (const step of guide.steps) {
        for (const text of [step.title, step.imageAlt, ...step.body, ...step.actions]) {
          expect(text.en.trim()).not.toBe('');
          expect(text.it.trim()).not.toBe('');
          expect(text.it).not.toBe(text.en);
        }
        // One picture per language when the name says {lang}, so that no picture mixes languages.
        for (const lang of ['en', 'it']) {
          const file = step.image.replace('{lang}', lang);
          expect(existsSync(resolve(__dirname, '../../resources/guide', file)), file).toBe(true);
        }
      }
    }
  });

  it('draws each picture once per language: no picture mixes English and Italian', () => {
    for (const guide of GUIDES) {
      for (const step of guide.steps) {
        expect(step.image, step.image).toContain('{lang}');
        const read = (lang: string) =>
          readFileSync(
            resolve(__dirname, '../../resources/guide', step.image.replace('{lang}', lang)),
            'utf8',
          );
        expect(read('en')).toContain('>Illustration<');
        expect(read('en')).not.toContain('Illustrazione');
        expect(read('it')).toContain('>Illustrazione<');
        expect(read('it')).not.toMatch(/>Illustration</);
      }
    }
  });

  it('says STARTTLS for port 587 and names the Microsoft pages in both UIs', () => {
    const settings = JSON.stringify(getGuideStep('outlook', 'server-settings'));
    expect(settings).toContain('smtp-mail.outlook.com');
    expect(settings).toContain('587');
    expect(settings).toContain('STARTTLS');
    const appPassword = JSON.stringify(getGuideStep('outlook', 'app-password'));
    for (const label of [
      'Advanced security options',
      'App passwords',
      'Create a new app password',
      'Altre opzioni di sicurezza',
      'Password dell’app',
      'Crea una nuova password per l’app',
    ]) {
      expect(appPassword).toContain(label);
    }
  });

  it('carries the dated Modern Auth notice pointing at the modern-auth step', () => {
    const notice = getGuide('outlook')?.notice;
    expect(notice?.checked).toBe('2026-12-02');
    expect(notice?.stepId).toBe('modern-auth');
    const text = JSON.stringify(notice);
    expect(text).toContain('September 2024');
    expect(text).toContain('5.7.139');
    expect(text).toContain('5.7.30');
    expect(text).toContain('December 2026');
    expect(getGuideStep('outlook', 'modern-auth')?.action).toBe('oauth-sign-in');
  });

  it('every guide link in the diagnosis catalogue lands on an existing step', () => {
    const links = DIAGNOSES.filter((d) => d.guide);
    for (const d of links) {
      expect(
        getGuideStep(d.guide!.guideId, d.guide!.stepId),
        `${d.id} → ${JSON.stringify(d.guide)}`,
      ).not.toBeNull();
    }
  });

  it('providers point at guides that exist', () => {
    expect(guideForProvider('outlook')?.id).toBe('outlook');
    expect(guideForProvider('microsoft365')?.id).toBe('outlook');
    expect(getGuide(getProvider('outlook')!.guideId!)).not.toBeNull();
  });
});
