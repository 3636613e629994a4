// @vitest-environment happy-dom
/**
 * Every failed window.api call is shown in the user's language (main's bilingual payload), and one
 * that names a catalogue diagnosis is shown as that diagnosis, with its advice and guide button.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderDiagnosis } from '../../src/shared/diagnoses';
import type { Lang } from '../../src/shared/probe-types';
import { ipcError } from './fake-api';
import { HOTMAIL_OAUTH_PROFILE, renderApp } from './render-app';

afterEach(cleanup);

const setup = renderApp;

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const switchTo = (lang: Lang) =>
  fireEvent.change(screen.getByTestId('lang-switch'), { target: { value: lang } });

const oauthProfile = HOTMAIL_OAUTH_PROFILE;

describe('errors from the main process', () => {
  it('a plain failure of probe:run is shown in the current language, and follows a language switch', async () => {
    setup({
      'probe:run': () => {
        throw ipcError('probe:run', {
          code: 'NO_SAVED_PASSWORD',
          en: 'No password is saved for the profile "Office". Type it and test again.',
          it: 'Nessuna password salvata per il profilo "Office". Scrivila e ripeti la prova.',
        });
      },
    });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'a@gmail.com' } });
    fireEvent.click(screen.getByTestId('run'));
    const shown = await screen.findByTestId('run-error');
    expect(shown.textContent).toBe(
      'The test could not run: No password is saved for the profile "Office". Type it and test again.',
    );
    expect(shown.textContent).not.toContain('MAILCHECK_IPC_ERROR');
    switchTo('it');
    expect(screen.getByTestId('run-error').textContent).toBe(
      'Impossibile eseguire il test: Nessuna password salvata per il profilo "Office". Scrivila e ripeti la prova.',
    );
  });

  it.each(['en', 'it'] as const)(
    'in %s, a run refused with a diagnosis id shows the catalogue diagnosis and its guide step',
    async (lang) => {
      setup(
        {
          'probe:run': () => {
            throw ipcError('probe:run', {
              code: 'OAUTH_NOT_SIGNED_IN',
              diagnosisId: 'oauth.grant-expired',
              en: 'The profile "Hotmail" is not signed in with Microsoft.',
              it: 'Il profilo "Hotmail" non ha eseguito l’accesso con Microsoft.',
            });
          },
        },
        { locale: lang, profiles: [oauthProfile] },
      );
      const item = await screen.findByText('Hotmail');
      fireEvent.click(within(item.closest('li') as HTMLElement).getByTestId('rerun'));
      const panel = await screen.findByTestId('run-error');
      expect(panel.dataset.diagnosis).toBe('oauth.grant-expired');
      const expected = renderDiagnosis(
        { id: 'oauth.grant-expired', step: 'auth', reply: null, params: {} },
        lang,
      );
      expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(expected.title);
      expect(panel.textContent).toContain(expected.explanation);
      expect(panel.textContent).toContain(expected.advice[0]);
      // main's own words, which the catalogue does not have, are kept.
      expect(panel.textContent).toContain(lang === 'it' ? 'non ha eseguito' : 'is not signed in');
      expect(document.activeElement).toBe(within(panel).getByRole('heading', { level: 2 }));

      fireEvent.click(within(panel).getByTestId('open-guide-step'));
      expect((await screen.findByTestId('guide')).dataset.currentStep).toBe('modern-auth');
    },
  );

  it.each(['en', 'it'] as const)(
    'in %s, a failed sign-in shows its diagnosis (consent required) with what Microsoft said',
    async (lang) => {
      const said = 'AADSTS65001: The user or administrator has not consented to use the application.';
      const entry = (l: Lang) =>
        renderDiagnosis({ id: 'oauth.consent-required', step: 'auth', reply: null, params: {} }, l);
      setup(
        {
          'oauth:sign-in': () => {
            throw ipcError('oauth:sign-in', {
              code: 'OAUTH_SERVER_ERROR',
              diagnosisId: 'oauth.consent-required',
              en: `${entry('en').title}. ${entry('en').explanation} Microsoft said: ${said}`,
              it: `${entry('it').title}. ${entry('it').explanation} Risposta di Microsoft: ${said}`,
            });
          },
        },
        { locale: lang },
      );
      fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@hotmail.it' } });
      fireEvent.click(screen.getByTestId('auth-oauth2'));
      fireEvent.change(input('oauth-client-id'), {
        target: { value: '3f1c2d4e-0000-4000-8000-000000000001' },
      });
      fireEvent.click(screen.getByTestId('oauth-sign-in'));
      const panel = await screen.findByTestId('sign-in-error');
      expect(panel.dataset.diagnosis).toBe('oauth.consent-required');
      expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(entry(lang).title);
      expect(panel.textContent).toContain(entry(lang).advice[0]);
      // Title and explanation once; Microsoft's answer as the detail.
      expect(panel.textContent?.split(entry(lang).explanation)).toHaveLength(2);
      expect(panel.querySelector('.detail')?.textContent).toBe(
        `${lang === 'it' ? 'Risposta di Microsoft' : 'Microsoft said'}: ${said}`,
      );
      expect(panel.querySelector('.eyebrow')?.textContent).toBe(
        lang === 'it' ? 'L’accesso con Microsoft non è riuscito' : 'Sign-in with Microsoft did not work',
      );
      fireEvent.click(within(panel).getByTestId('open-guide-step'));
      expect((await screen.findByTestId('guide')).dataset.currentStep).toBe('modern-auth');
    },
  );

  it('a failure on the saved accounts list (delete) is shown in Italian', async () => {
    setup(
      {
        'profiles:delete': () => {
          throw ipcError('profiles:delete', {
            code: 'KEYCHAIN_UNAVAILABLE',
            en: 'The system keychain is locked.',
            it: 'Il portachiavi del sistema è bloccato.',
          });
        },
      },
      { locale: 'it', profiles: [oauthProfile] },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Elimina Hotmail' }));
    fireEvent.click(screen.getByTestId('delete-confirm'));
    expect((await screen.findByTestId('profiles-error')).textContent).toBe(
      'Il portachiavi del sistema è bloccato.',
    );
  });

  it("a bridge error without a payload is shown as it is, minus Electron's prefix", async () => {
    setup({
      'probe:run': () => {
        throw new Error("Error invoking remote method 'probe:run': Error: connection to main lost");
      },
    });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'a@gmail.com' } });
    fireEvent.click(screen.getByTestId('run'));
    await waitFor(() =>
      expect(screen.getByTestId('run-error').textContent).toBe(
        'The test could not run: connection to main lost',
      ),
    );
  });
});
