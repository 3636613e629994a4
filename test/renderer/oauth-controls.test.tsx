// @vitest-environment happy-dom
/**
 * The OAuth controls: sign out of a saved account, cancel a pending sign-in, and "Use a code
 * instead" with the device code shown from the 'oauth:device-code' event.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OAuthSignInInput } from '../../src/shared/ipc';
import type { Lang } from '../../src/shared/probe-types';
import type { Profile } from '../../src/shared/profile-types';
import { ipcError, type Handlers } from './fake-api';
import { HOTMAIL_OAUTH_PROFILE, renderApp } from './render-app';

afterEach(cleanup);

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-000000000001';
const hotmail = HOTMAIL_OAUTH_PROFILE;
const office: Profile = { ...hotmail, name: 'Office', authMethod: 'password', oauth: undefined };

const setup = (overrides: Handlers, locale: Lang = 'en', profiles: Profile[] = []) =>
  renderApp(overrides, { locale, profiles });

/** A sign-in main keeps pending until the test settles it, like a browser nobody finished. */
function pendingSignIns() {
  const pending: {
    input: OAuthSignInInput;
    resolve: (v: { user: string }) => void;
    reject: (e: Error) => void;
  }[] = [];
  const handler = (input: OAuthSignInInput) =>
    new Promise<{ user: string }>((resolve, reject) => pending.push({ input, resolve, reject }));
  return { pending, handler };
}

const cancelledError = () =>
  ipcError('oauth:sign-in', {
    code: 'OAUTH_CANCELLED',
    diagnosisId: 'oauth.cancelled',
    en: 'Sign-in with Microsoft was not completed.',
    it: 'Accesso con Microsoft non completato.',
  });

async function startSignIn() {
  fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@hotmail.it' } });
  fireEvent.click(screen.getByTestId('auth-oauth2'));
  fireEvent.change(screen.getByTestId('oauth-client-id'), { target: { value: CLIENT_ID } });
  fireEvent.click(screen.getByTestId('oauth-sign-in'));
}

describe('sign out', () => {
  it.each([
    ['en', 'Sign Hotmail out of Microsoft', 'the account and its settings stay', 'Hotmail is signed out'],
    [
      'it',
      'Disconnetti Hotmail da Microsoft',
      'l’account e le sue impostazioni restano',
      'Hotmail è disconnesso',
    ],
  ] as const)(
    'in %s: removes the saved sign-in (not the account) and refreshes the list',
    async (lang, label, hint, done) => {
      const api = setup({ 'oauth:sign-out': () => undefined }, lang, [hotmail, office]);
      const button = await screen.findByRole('button', { name: label });
      // Only accounts signed in with Microsoft have it.
      expect(screen.getAllByTestId('sign-out')).toHaveLength(1);
      expect(screen.getByTestId('profiles').textContent).toContain(hint);
      const listsBefore = api.calls.filter((c) => c.channel === 'profiles:list').length;
      fireEvent.click(button);
      expect((await screen.findByTestId('signed-out')).textContent).toContain(done);
      expect(api.calls.find((c) => c.channel === 'oauth:sign-out')?.args).toEqual(['Hotmail']);
      expect(api.calls.some((c) => c.channel === 'profiles:delete')).toBe(false);
      await waitFor(() =>
        expect(api.calls.filter((c) => c.channel === 'profiles:list').length).toBe(listsBefore + 1),
      );
    },
  );
});

describe('a pending sign-in', () => {
  it('can be cancelled: main is told, and the outcome is the catalogue’s "cancelled" diagnosis', async () => {
    const { pending, handler } = pendingSignIns();
    const api = setup({
      'oauth:sign-in': handler,
      'oauth:cancel-sign-in': () => pending[0]?.reject(cancelledError()),
    });
    await startSignIn();
    const panel = await screen.findByTestId('sign-in');
    await waitFor(() => expect(panel.dataset.phase).toBe('pending'));
    expect(pending[0]?.input).toMatchObject({
      profileName: 'mario@hotmail.it',
      clientId: CLIENT_ID,
      flow: 'browser',
    });
    expect(screen.getByTestId('oauth-sign-in-status').textContent).toBe('Waiting for the browser sign-in…');
    expect(screen.queryByTestId('oauth-sign-in')).toBeNull();
    // The button that had focus is gone: focus moves to the pending sign-in's first control.
    expect(document.activeElement).toBe(screen.getByTestId('sign-in-use-code'));

    fireEvent.click(screen.getByTestId('sign-in-cancel'));
    const error = await screen.findByTestId('sign-in-error');
    expect(api.calls.some((c) => c.channel === 'oauth:cancel-sign-in')).toBe(true);
    expect(error.dataset.diagnosis).toBe('oauth.cancelled');
    expect(within(error).getByRole('heading', { level: 2 }).textContent).toBe(
      'Sign-in with Microsoft was not completed',
    );
    // The sign-in can start again.
    expect(screen.getByTestId('oauth-sign-in')).toBeTruthy();
  });

  it.each(['en', 'it'] as const)(
    'in %s: "Use a code instead" starts the device flow and shows the code, its address and expiry',
    async (lang) => {
      const { pending, handler } = pendingSignIns();
      const api = setup(
        {
          'oauth:sign-in': handler,
          'app:open-external': () => undefined,
          'clipboard:write': () => undefined,
        },
        lang,
      );
      await startSignIn();
      fireEvent.click(await screen.findByTestId('sign-in-use-code'));
      await waitFor(() => expect(pending).toHaveLength(2));
      expect(pending[1]?.input.flow).toBe('device');
      // main cancels the browser attempt when the code flow starts: that failure is not shown.
      await act(async () => pending[0]?.reject(cancelledError()));
      expect(screen.queryByTestId('sign-in-error')).toBeNull();
      expect(screen.getByTestId('oauth-sign-in-status').textContent).toBe(
        lang === 'it' ? 'Richiesta del codice a Microsoft…' : 'Asking Microsoft for a code…',
      );

      const expiresAt = new Date(Date.UTC(2026, 10, 27, 9, 45)).toISOString();
      const code = { userCode: 'ABCD-EFGH', verificationUri: 'https://microsoft.com/devicelogin', expiresAt };
      // A code for another account is not this sign-in's.
      act(() => api.emit('oauth:device-code', { profileName: 'someone else', ...code }));
      expect(screen.queryByTestId('device-code')).toBeNull();
      act(() => api.emit('oauth:device-code', { profileName: 'mario@hotmail.it', ...code }));

      const box = await screen.findByTestId('device-code');
      expect(within(box).getByTestId('device-user-code').textContent).toBe('ABCD-EFGH');
      const expiry = new Date(expiresAt).toLocaleTimeString(lang === 'it' ? 'it-IT' : 'en-GB', {
        hour: '2-digit',
        minute: '2-digit',
      });
      expect(within(box).getByTestId('device-code-expiry').textContent).toBe(
        lang === 'it' ? `Il codice vale fino alle ${expiry}.` : `The code works until ${expiry}.`,
      );
      fireEvent.click(within(box).getByTestId('device-code-link'));
      await waitFor(() =>
        expect(api.calls.find((c) => c.channel === 'app:open-external')?.args).toEqual([
          code.verificationUri,
        ]),
      );
      fireEvent.click(
        within(box).getByRole('button', { name: lang === 'it' ? 'Copia il codice' : 'Copy the code' }),
      );
      await waitFor(() =>
        expect(api.calls.find((c) => c.channel === 'clipboard:write')?.args).toEqual(['ABCD-EFGH']),
      );
      // The device flow has no "use a code" any more, but can still be cancelled.
      expect(screen.queryByTestId('sign-in-use-code')).toBeNull();
      expect(screen.getByTestId('sign-in-cancel')).toBeTruthy();

      await act(async () => pending[1]?.resolve({ user: 'mario@hotmail.it' }));
      expect(screen.getByTestId('oauth-sign-in-status').textContent).toContain('mario@hotmail.it');
      expect(screen.queryByTestId('device-code')).toBeNull();
    },
  );
});
