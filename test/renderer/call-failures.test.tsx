// @vitest-environment happy-dom
/**
 * The window when a call to the main process fails, for the calls no other test breaks: the
 * start-up calls (app:info, keychain:status, profiles:list), saving an account before a test
 * (profiles:save), and copying or saving the report (clipboard:write, report:save). Each failure
 * is either said in the user's language where it happened, or (app:info) harmless; none stops
 * the user from testing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IpcChannel } from '../../src/shared/ipc';
import type { Lang } from '../../src/shared/probe-types';
import { ipcError, type Handlers } from './fake-api';
import { renderApp } from './render-app';
import { okResult } from './results';

afterEach(cleanup);

/** A main-process failure with its bilingual payload, as Electron's invoke() rejects with it. */
const failing =
  (channel: IpcChannel, en: string, it: string): (() => never) =>
  () => {
    throw ipcError(channel, { code: 'UNEXPECTED', en, it });
  };

const heading = (lang: Lang) => (lang === 'it' ? 'Il tuo account di posta' : 'Your mail account');

async function runATest(): Promise<void> {
  fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@gmail.com' } });
  fireEvent.change(screen.getByTestId('password'), { target: { value: 'typed-here' } });
  fireEvent.click(screen.getByTestId('run'));
  await screen.findByTestId('settings-card');
}

describe('start-up calls that fail', () => {
  it('app:info: the window stays in its starting language and works', async () => {
    const api = renderApp({
      'app:info': failing('app:info', 'No app info', 'Nessuna informazione'),
      'probe:run': () => okResult(),
    });
    await screen.findByRole('heading', { name: heading('en') });
    await waitFor(() => expect(api.calls.map((c) => c.channel)).toContain('app:info'));
    expect(document.documentElement.lang).toBe('en');
    await runATest();
    expect(api.calls.filter((c) => c.channel === 'probe:run')).toHaveLength(1);
  });

  it.each(['en', 'it'] as const)(
    'keychain:status (%s): the keychain counts as unavailable, with the reason, and the password is not offered for saving',
    async (lang) => {
      renderApp(
        {
          'keychain:status': failing(
            'keychain:status',
            'The keychain did not answer.',
            'Il portachiavi non ha risposto.',
          ),
        },
        { locale: lang },
      );
      await screen.findByRole('heading', { name: heading(lang) });
      fireEvent.change(screen.getByTestId('email'), { target: { value: 'mario@gmail.com' } });
      fireEvent.click(screen.getByTestId('save-profile'));
      const note = await screen.findByTestId('keychain-unavailable');
      expect(note.textContent).toContain(
        lang === 'it'
          ? 'Il portachiavi del sistema non è disponibile, quindi la password non può essere salvata: Il portachiavi non ha risposto.'
          : 'The system keychain is not available, so the password cannot be saved: The keychain did not answer.',
      );
      expect(screen.queryByTestId('save-password')).toBeNull();
    },
  );

  it.each(['en', 'it'] as const)(
    'profiles:list (%s): the saved accounts say why they are missing, the form still works',
    async (lang) => {
      const api = renderApp(
        {
          'profiles:list': failing(
            'profiles:list',
            'The accounts file cannot be read.',
            'Il file degli account non si legge.',
          ),
          'probe:run': () => okResult(),
        },
        { locale: lang },
      );
      expect((await screen.findByTestId('profiles-error')).textContent).toBe(
        lang === 'it' ? 'Il file degli account non si legge.' : 'The accounts file cannot be read.',
      );
      await runATest();
      expect(api.calls.filter((c) => c.channel === 'probe:run')).toHaveLength(1);
    },
  );
});

describe('saving the account before a test fails (profiles:save)', () => {
  it('the test still runs, and the account list says the account was not saved', async () => {
    const api = renderApp({
      'profiles:save': failing(
        'profiles:save',
        'The accounts file is read-only.',
        'Il file degli account è di sola lettura.',
      ),
      'probe:run': () => okResult(),
    });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@gmail.com' } });
    fireEvent.change(screen.getByTestId('password'), { target: { value: 'typed-here' } });
    fireEvent.click(screen.getByTestId('save-profile'));
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('settings-card');
    const channels = api.calls.map((c) => c.channel);
    expect(channels.indexOf('profiles:save')).toBeGreaterThan(-1);
    expect(channels.indexOf('probe:run')).toBeGreaterThan(channels.indexOf('profiles:save'));

    fireEvent.click(screen.getByTestId('nav-account'));
    expect((await screen.findByTestId('profiles-error')).textContent).toBe('The accounts file is read-only.');
  });
});

describe('copying and saving the result', () => {
  const copyFails: Handlers = {
    'probe:run': () => okResult(),
    'clipboard:write': failing('clipboard:write', 'The clipboard is busy.', 'Gli appunti sono occupati.'),
    'report:save': failing('report:save', 'The disk is full.', 'Il disco è pieno.'),
  };

  it('a copy button that fails says so next to it', async () => {
    renderApp(copyFails);
    await runATest();
    const card = screen.getByTestId('settings-card');
    fireEvent.click(within(card).getAllByRole('button', { name: /copy/i })[0] as HTMLElement);
    await waitFor(() =>
      expect(
        within(card)
          .getAllByRole('status')
          .map((s) => s.textContent),
      ).toContain('That did not work: The clipboard is busy.'),
    );
  });

  it.each([
    ['en', 'copy-report', 'That did not work: The clipboard is busy.'],
    ['en', 'save-report', 'That did not work: The disk is full.'],
    ['it', 'copy-report', 'Operazione non riuscita: Gli appunti sono occupati.'],
    ['it', 'save-report', 'Operazione non riuscita: Il disco è pieno.'],
  ] as const)('%s: %s failing is said in the report actions', async (lang, button, text) => {
    renderApp(copyFails, { locale: lang });
    await screen.findByRole('heading', { name: heading(lang) });
    await runATest();
    fireEvent.click(screen.getByTestId(button));
    const status = screen.getByTestId(button).parentElement?.querySelector('[role="status"]');
    await waitFor(() => expect(status?.textContent).toBe(text));
  });
});
