// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RunProbeInput } from '../../src/shared/ipc';
import type { ProbeResult } from '../../src/shared/probe-types';
import type { KeychainStatus, Profile } from '../../src/shared/profile-types';
import type { Handlers } from './fake-api';
import { renderApp } from './render-app';
import { basicDisabledResult, okResult } from './results';

afterEach(cleanup);

function setup(
  overrides: Handlers = {},
  opts: { locale?: 'en' | 'it'; keychain?: KeychainStatus; profiles?: Profile[] } = {},
) {
  return renderApp({ 'profiles:delete': () => undefined, ...overrides }, opts);
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('account screen', () => {
  it('recognises the provider from the address and fills the editable server settings', async () => {
    setup();
    await screen.findByTestId('account-screen');
    fireEvent.change(input('email'), { target: { value: 'mario.rossi@hotmail.it' } });
    expect(input('provider').value).toBe('outlook');
    expect(input('host').value).toBe('smtp-mail.outlook.com');
    expect(input('port').value).toBe('587');
    expect(input('security').value).toBe('starttls');
    expect(input('user').value).toBe('mario.rossi@hotmail.it');
    expect(screen.getByTestId('provider-info').textContent).toContain('Recognised: Outlook.com / Hotmail');
    // Outlook.com refuses passwords outright.
    expect(screen.getByTestId('oauth-recommended').textContent).toContain('a password is refused');

    fireEvent.change(input('email'), { target: { value: 'mario.rossi@libero.it' } });
    expect(input('host').value).toBe('smtp.libero.it');
    expect(input('port').value).toBe('465');
    expect(input('security').value).toBe('tls');

    // Everything stays editable.
    fireEvent.change(input('port'), { target: { value: '587' } });
    expect(input('port').value).toBe('587');
  });

  it('offers Microsoft 365 as a choice for custom domains', async () => {
    setup();
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'ceo@azienda-esempio.it' } });
    expect(input('provider').value).toBe('custom');
    fireEvent.change(input('provider'), { target: { value: 'microsoft365' } });
    expect(input('host').value).toBe('smtp.office365.com');
    expect(input('user').value).toBe('ceo@azienda-esempio.it');
    // Microsoft 365: off by default from the end of December 2026, an administrator can allow it.
    const notice = screen.getByTestId('oauth-recommended').textContent ?? '';
    expect(notice).toContain('end of December 2026');
    expect(notice).toContain('administrator');
    expect(notice).not.toContain('a password is refused');
  });

  it('says when the keychain is unavailable and that the password cannot be saved', async () => {
    setup(
      {},
      {
        keychain: {
          available: false,
          reason: 'No Secret Service is running.',
          reasonIt: 'Nessun Secret Service in esecuzione.',
        },
      },
    );
    fireEvent.click(await screen.findByTestId('save-profile'));
    const note = await screen.findByTestId('keychain-unavailable');
    expect(note.textContent).toContain('cannot be saved');
    expect(note.textContent).toContain('No Secret Service is running.');
    expect(screen.queryByTestId('save-password')).toBeNull();
  });

  it('refuses to run with an empty server and says why', async () => {
    const api = setup();
    fireEvent.click(await screen.findByTestId('run'));
    expect(screen.getByTestId('form-problems').textContent).toContain('Enter the server name.');
    expect(api.calls.some((c) => c.channel === 'probe:run')).toBe(false);
  });
});

describe('language', () => {
  it('starts in the OS language (app:info) and switches at once', async () => {
    setup({}, { locale: 'it' });
    expect(await screen.findByRole('heading', { name: 'Il tuo account di posta' })).toBeTruthy();
    // Set by an effect that runs after the Italian text is on screen: waited for, not assumed.
    await waitFor(() => expect(document.documentElement.lang).toBe('it'));
    fireEvent.change(screen.getByTestId('lang-switch'), { target: { value: 'en' } });
    expect(screen.getByRole('heading', { name: 'Your mail account' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('a test run', () => {
  it('shows each step live from probe:progress, then the result; Stop calls probe:cancel', async () => {
    let finish: (r: ProbeResult) => void = () => undefined;
    const api = setup({
      'probe:run': () => new Promise<ProbeResult>((resolve) => (finish = resolve)),
      'probe:cancel': () => undefined,
    });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@outlook.it' } });
    fireEvent.change(input('password'), { target: { value: 'not-shown-anywhere' } });
    fireEvent.click(screen.getByTestId('run'));

    await screen.findByTestId('test-screen');
    const run = api.calls.find((c) => c.channel === 'probe:run')?.args[0] as RunProbeInput;
    expect(run.request).toMatchObject({ host: 'smtp-mail.outlook.com', port: 587, security: 'starttls' });
    expect(run.request.auth).toEqual({
      method: 'password',
      user: 'mario@outlook.it',
      password: 'not-shown-anywhere',
    });
    expect(run.saveAs).toBeUndefined();

    const steps = screen.getByTestId('steps');
    act(() => api.emit('probe:progress', { runId: run.runId, event: { type: 'step-start', id: 'dns' } }));
    expect(within(steps).getAllByRole('listitem')[0]?.dataset.state).toBe('running');
    // Events of another run are ignored.
    act(() => api.emit('probe:progress', { runId: 'other', event: { type: 'step-start', id: 'tcp' } }));
    expect(within(steps).getAllByRole('listitem')[1]?.dataset.state).toBe('waiting');
    act(() =>
      api.emit('probe:progress', {
        runId: run.runId,
        event: {
          type: 'step-end',
          step: { id: 'dns', status: 'pass', ms: 4, summary: { en: 'Resolved', it: 'Risolto' } },
        },
      }),
    );
    expect(within(steps).getAllByRole('listitem')[0]?.textContent).toContain('Resolved');

    fireEvent.click(screen.getByTestId('stop'));
    await waitFor(() => expect(api.calls.at(-1)).toEqual({ channel: 'probe:cancel', args: [run.runId] }));

    await act(async () => finish(basicDisabledResult()));
    const panel = await screen.findByTestId('diagnosis');
    expect(panel.dataset.diagnosis).toBe('auth.basic-disabled');
    expect(document.activeElement?.id).toBe('diagnosis-heading');

    fireEvent.click(screen.getByTestId('open-guide-step'));
    const guide = await screen.findByTestId('guide');
    expect(guide.dataset.currentStep).toBe('modern-auth');
    expect(document.activeElement?.id).toBe('guide-step-modern-auth');
    expect(screen.getByTestId('guide-notice').textContent).toContain('2 December 2026');
  });

  it('saves with the password only when asked (saveAs), and reruns a saved account by name', async () => {
    const saved: Profile = {
      name: 'Office',
      host: 'smtp.office365.com',
      port: 587,
      security: 'starttls',
      user: 'a@b.it',
      authMethod: 'password',
      updatedAt: '2026-11-26T00:00:00Z',
    };
    const api = setup({ 'probe:run': () => okResult() }, { profiles: [saved] });
    fireEvent.click(await screen.findByRole('button', { name: 'Test Office again' }));
    await screen.findByTestId('settings-card');
    const run = api.calls.find((c) => c.channel === 'probe:run')?.args[0] as RunProbeInput;
    expect(run.profileName).toBe('Office');
    expect(run.request.auth).toBeUndefined();
  });

  it('a new account is saved with its typed password through saveAs, only when asked', async () => {
    const api = setup({ 'probe:run': () => okResult() });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'x@gmail.com' } });
    fireEvent.change(input('password'), { target: { value: 'typed' } });
    fireEvent.click(input('save-profile'));
    expect(input('profile-name').value).toBe('x@gmail.com');
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('settings-card');
    const second = api.calls.find((c) => c.channel === 'probe:run')?.args[0] as RunProbeInput;
    expect(second.saveAs).toBe('x@gmail.com');
    expect(second.profileName).toBeUndefined();
  });
});
