// @vitest-environment happy-dom
/**
 * "Sign in with Microsoft" without a GUID in the user's face: the client id comes from the
 * distribution (app:info), the tenant from the preset; with none configured the window says what is
 * missing and links to docs/oauth.md instead of showing a button that cannot work.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { OAuthSignInInput, SaveProfileInput } from '../../src/shared/ipc';
import { OAUTH_DOCS_URL } from '../../src/shared/docs-links';
import { renderApp } from './render-app';

afterEach(cleanup);

const DISTRIBUTION_ID = '11111111-2222-4333-8444-555555555555';
/** app:info answers after the first render (a resolved promise): let it land before typing. */
const appInfoAnswered = () => new Promise((resolve) => setTimeout(resolve, 0));
const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('with a client id configured by the distribution', () => {
  it('Outlook.com selects Sign in with Microsoft, shows no client id or tenant, signs in to consumers', async () => {
    const signIns: OAuthSignInInput[] = [];
    const saves: SaveProfileInput[] = [];
    renderApp(
      {
        'oauth:sign-in': (i) => {
          signIns.push(i);
          return { user: 'mario@hotmail.it' };
        },
        'profiles:save': (i) => {
          saves.push(i);
          return { savedSecret: false };
        },
      },
      { msClientId: DISTRIBUTION_ID },
    );
    await appInfoAnswered();
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@hotmail.it' } });
    expect(input('auth-oauth2').checked).toBe(true);
    expect((screen.getByTestId('oauth-advanced') as HTMLDetailsElement).open).toBe(false);
    expect(screen.queryByTestId('oauth-not-configured')).toBeNull();

    fireEvent.click(screen.getByTestId('oauth-sign-in'));
    await screen.findByText('Signed in as mario@hotmail.it. Run the test again.');
    expect(signIns).toEqual([
      { profileName: 'mario@hotmail.it', clientId: DISTRIBUTION_ID, tenant: 'consumers', flow: 'browser' },
    ]);
    expect(saves[0]?.profile.oauth).toEqual({ clientId: DISTRIBUTION_ID, tenant: 'consumers' });
  });

  it('Microsoft 365 takes the organizations tenant; a password-only program keeps the password', async () => {
    const signIns: OAuthSignInInput[] = [];
    renderApp(
      {
        'oauth:sign-in': (i) => {
          signIns.push(i);
          return { user: 'ceo@azienda.it' };
        },
      },
      { msClientId: DISTRIBUTION_ID },
    );
    await appInfoAnswered();
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'ceo@azienda.it' } });
    fireEvent.change(input('provider'), { target: { value: 'microsoft365' } });
    fireEvent.click(input('auth-oauth2'));
    fireEvent.click(screen.getByTestId('oauth-sign-in'));
    await waitFor(() => expect(signIns[0]?.tenant).toBe('organizations'));

    fireEvent.change(input('email'), { target: { value: '' } });
    fireEvent.click(input('usage-website'));
    fireEvent.click(input('usage-signin-no'));
    expect(input('auth-password').checked).toBe(true);
    fireEvent.change(input('email'), { target: { value: 'anna@outlook.com' } });
    expect(input('auth-password').checked).toBe(true);
  });
});

describe('with no client id configured', () => {
  it.each([
    ['en', 'no Microsoft app registration'],
    ['it', 'non ha una registrazione dell’app Microsoft'],
  ] as const)('in %s: one sentence and a link to docs/oauth.md, no dead button', async (locale, words) => {
    const api = renderApp({ 'app:open-external': () => undefined }, { locale });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@hotmail.it' } });
    // No client id: the Outlook.com preset does not pick a sign-in that cannot work.
    expect(input('auth-password').checked).toBe(true);
    fireEvent.click(input('auth-oauth2'));
    const note = screen.getByTestId('oauth-not-configured');
    expect(note.textContent).toContain(words);
    expect(screen.queryByTestId('oauth-sign-in')).toBeNull();
    fireEvent.click(screen.getByTestId('oauth-docs-link'));
    await waitFor(() =>
      expect(api.calls.at(-1)).toEqual({ channel: 'app:open-external', args: [OAUTH_DOCS_URL] }),
    );
    // A developer can still type a client id under Advanced: then the button is there.
    fireEvent.change(input('oauth-client-id'), { target: { value: DISTRIBUTION_ID } });
    expect(screen.getByTestId('oauth-sign-in')).toBeTruthy();
  });
});
