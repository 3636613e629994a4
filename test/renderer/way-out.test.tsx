// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { RunProbeInput, SaveProfileInput } from '../../src/shared/ipc';
import type { ProbeResult } from '../../src/shared/probe-types';
import { renderApp } from './render-app';
import { basicDisabledResult, okResult } from './results';

afterEach(cleanup);

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

/** An Outlook.com address, used from a website builder that only has a password field. */
async function hotmailFromWebsiteBuilder() {
  fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario.rossi@hotmail.it' } });
  fireEvent.click(input('usage-website'));
  fireEvent.click(input('usage-signin-no'));
}

describe('where the settings will be used', () => {
  it('gives the plain verdict for a password-only program with Outlook.com, before any test', async () => {
    renderApp();
    await hotmailFromWebsiteBuilder();
    const verdict = screen.getByTestId('verdict');
    expect(verdict.dataset.verdict).toBe('outlook-password-only');
    expect(verdict.textContent).toContain('cannot work');
    expect(verdict.textContent).toContain('September 2024');
    // The verdict replaces the softer "this provider wants Sign in with Microsoft" notice.
    expect(screen.queryByTestId('oauth-recommended')).toBeNull();
    // "Don't know" is not a verdict.
    fireEvent.click(input('usage-signin-unknown'));
    expect(screen.queryByTestId('verdict')).toBeNull();
  });

  it('is saved with the account and read back', async () => {
    const saves: SaveProfileInput[] = [];
    const api = renderApp({
      'profiles:save': (i) => {
        saves.push(i);
        return { savedSecret: false };
      },
      'probe:run': () => okResult(),
    });
    await hotmailFromWebsiteBuilder();
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(input('save-profile'));
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('settings-card');
    expect(saves[0]?.profile.usage).toEqual({ kind: 'website', signIn: 'no' });
    expect(api.calls.some((c) => c.channel === 'probe:run')).toBe(true);
  });

  it('the settings card says how a WordPress plugin names the security', async () => {
    renderApp({ 'probe:run': () => okResult() });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'x@gmail.com' } });
    fireEvent.click(input('usage-cms'));
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    const wording = await screen.findByTestId('program-wording');
    expect(wording.textContent).toContain('WP Mail SMTP');
    expect(wording.textContent).toContain('STARTTLS');
  });
});

describe('the way-out panel', () => {
  it('follows a refused password with the verdict and what works; Try Gmail loads Gmail in one click', async () => {
    const api = renderApp({ 'probe:run': () => basicDisabledResult() });
    await hotmailFromWebsiteBuilder();
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    const panel = await screen.findByTestId('way-out');
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('outlook-password-only');
    expect(
      [...panel.querySelectorAll('[data-way-out]')].map((e) => (e as HTMLElement).dataset.wayOut),
    ).toEqual(['own-domain', 'gmail', 'relay']);
    for (const relay of ['brevo', 'mailjet', 'sendgrid', 'amazon-ses', 'postmark']) {
      expect(within(panel).getByTestId(`try-${relay}`)).toBeTruthy();
    }

    fireEvent.click(within(panel).getByTestId('try-gmail'));
    await screen.findByTestId('account-screen');
    expect(input('provider').value).toBe('gmail');
    expect(input('host').value).toBe('smtp.gmail.com');
    expect(input('port').value).toBe('587');
    expect(input('email').value).toBe('');
    expect(document.activeElement).toBe(input('email'));
    expect(screen.getByTestId('trying').textContent).toContain('Gmail');
    // Where it will be used is kept: still a website builder.
    expect(input('usage-website').checked).toBe(true);
    expect(api.calls.filter((c) => c.channel === 'probe:run')).toHaveLength(1);
  });

  it('a relay preset says where its login comes from; SendGrid fills the literal user "apikey"', async () => {
    renderApp({ 'probe:run': () => basicDisabledResult() });
    await hotmailFromWebsiteBuilder();
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    fireEvent.click(within(await screen.findByTestId('way-out')).getByTestId('try-sendgrid'));
    await screen.findByTestId('account-screen');
    expect(input('host').value).toBe('smtp.sendgrid.net');
    expect(input('user').value).toBe('apikey');
    expect(screen.getByTestId('trying').textContent).toContain('apikey');
    // Typing the sender address does not overwrite the relay's login.
    fireEvent.change(input('email'), { target: { value: 'shop@example.it' } });
    expect(input('user').value).toBe('apikey');
  });

  it('opens the password-only guide at the option, in Italian too', async () => {
    renderApp({ 'probe:run': () => basicDisabledResult() }, { locale: 'it' });
    await hotmailFromWebsiteBuilder();
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    const panel = await screen.findByTestId('way-out');
    expect(panel.textContent).toContain('Cosa funziona');
    fireEvent.click(within(panel).getByTestId('way-out-guide-gmail'));
    const guide = await screen.findByTestId('guide');
    expect(guide.dataset.currentStep).toBe('gmail-app-password');
    expect(within(guide).getByTestId('try-gmail').textContent).toBe('Prova Gmail');
  });

  it('is not shown for a failure a password can fix', async () => {
    const wrongPassword: ProbeResult = basicDisabledResult();
    wrongPassword.diagnosis = { ...wrongPassword.diagnosis!, id: 'auth.rejected' };
    renderApp({ 'probe:run': () => wrongPassword });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'x@libero.it' } });
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('diagnosis');
    expect(screen.queryByTestId('way-out')).toBeNull();
  });
});

describe('Microsoft 365 with SMTP AUTH off', () => {
  it('gives the administrator option first', async () => {
    const off = basicDisabledResult();
    off.diagnosis = { ...off.diagnosis!, id: 'auth.smtp-auth-disabled' };
    const api = renderApp({ 'probe:run': () => off });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'ceo@azienda.it' } });
    fireEvent.change(input('provider'), { target: { value: 'microsoft365' } });
    fireEvent.click(input('usage-device'));
    fireEvent.click(input('usage-signin-no'));
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    const panel = await screen.findByTestId('way-out');
    expect(screen.getByTestId('verdict').dataset.verdict).toBe('m365-smtp-auth-off');
    expect((panel.querySelector('[data-way-out]') as HTMLElement).dataset.wayOut).toBe('m365-admin');
    const run = api.calls.find((c) => c.channel === 'probe:run')?.args[0] as RunProbeInput;
    expect(run.request.host).toBe('smtp.office365.com');
  });
});

describe('the Guide tab', () => {
  it('opens the guide of the current provider, at its step, else the list of guides', async () => {
    renderApp();
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'x@gmail.com' } });
    fireEvent.click(screen.getByTestId('nav-guide'));
    const gmail = await screen.findByTestId('guide');
    expect(gmail.dataset.currentStep).toBe('gmail-app-password');
    expect(within(gmail).getByRole('heading', { level: 2 }).textContent).toContain('password field');

    fireEvent.click(screen.getByTestId('nav-account'));
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'x@libero.it' } });
    fireEvent.click(screen.getByTestId('nav-guide'));
    const index = await screen.findByTestId('guide-index');
    fireEvent.click(within(index).getByText('Outlook.com / Hotmail: sending mail from another program'));
    const outlook = await screen.findByTestId('guide');
    const titles = [...outlook.querySelectorAll('[data-guide-step] h3')].map((h) => h.textContent);
    expect(titles[1]).toBe('2. Sign in with Microsoft (Modern Auth)');
    expect(titles[2]).toBe('3. My program cannot sign in with Microsoft: what works');
    expect(titles.at(-1)).toBe('7. App passwords: no longer accepted by Outlook.com');
    // Step 3 leads to the password-only guide.
    fireEvent.click(within(outlook).getByTestId('guide-link'));
    expect((await screen.findByTestId('guide')).dataset.currentStep).toBe('why');
  });
});
