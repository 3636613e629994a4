// @vitest-environment happy-dom
/**
 * No keychain: the window says why, in the user's language, and offers to save the settings
 * without the password; it never sends a run that would ask main to store a password it cannot keep.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { buildRunInput, EMPTY_FORM, type AccountForm } from '../../src/renderer/src/lib/form';
import type { RunProbeInput } from '../../src/shared/ipc';
import type { Lang } from '../../src/shared/probe-types';
import type { KeychainStatus } from '../../src/shared/profile-types';
import { ipcError, type Handlers } from './fake-api';
import { renderApp } from './render-app';
import { okResult } from './results';

afterEach(cleanup);

const DOWN: KeychainStatus = {
  available: false,
  reason: 'No Secret Service (D-Bus org.freedesktop.secrets) is running.',
  reasonIt: 'Nessun Secret Service (D-Bus org.freedesktop.secrets) in esecuzione.',
};

function setup(keychain: KeychainStatus, overrides: Handlers = {}, locale: Lang = 'en') {
  return renderApp({ 'probe:run': () => okResult(), ...overrides }, { keychain, locale });
}

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
const runs = (api: ReturnType<typeof setup>) =>
  api.calls.filter((c) => c.channel === 'probe:run').map((c) => c.args[0] as RunProbeInput);

async function fillAndSave() {
  fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@gmail.com' } });
  fireEvent.change(input('password'), { target: { value: 'typed-here' } });
  fireEvent.click(input('save-profile'));
}

describe('saving an account without a keychain', () => {
  it.each([
    ['en', DOWN.reason, 'Save the settings without the password'],
    ['it', DOWN.reasonIt, 'Salva le impostazioni senza la password'],
  ] as const)(
    'in %s: says why, and saves the settings only once the user accepts',
    async (lang, reason, offer) => {
      const api = setup(DOWN, {}, lang);
      await screen.findByRole('heading', {
        name: lang === 'it' ? 'Il tuo account di posta' : 'Your mail account',
      });
      await fillAndSave();
      const note = screen.getByTestId('keychain-unavailable');
      expect(note.textContent).toContain(reason);
      expect(note.textContent).toContain(offer);
      expect(screen.queryByTestId('save-password')).toBeNull();

      // Not accepted yet: nothing is sent, and the form says what to choose.
      fireEvent.click(screen.getByTestId('run'));
      expect(screen.getByTestId('form-problems').textContent).toContain(
        lang === 'it'
          ? 'Il portachiavi non può conservare la password'
          : 'The keychain cannot keep the password',
      );
      expect(runs(api)).toHaveLength(0);

      fireEvent.click(input('save-without-password'));
      fireEvent.click(screen.getByTestId('run'));
      await screen.findByTestId('settings-card');
      const [run] = runs(api);
      expect(run?.saveAs).toBe('mario@gmail.com');
      expect(run?.savePassword).toBe(false);
      // The typed password is still used for this test, in memory.
      expect(run?.request.auth).toMatchObject({ method: 'password', password: 'typed-here' });
    },
  );

  it('with a keychain, the password is saved as before (no savePassword: false)', async () => {
    const api = setup({ available: true });
    await fillAndSave();
    expect(input('save-password').checked).toBe(true);
    expect(screen.queryByTestId('keychain-unavailable')).toBeNull();
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('settings-card');
    expect(runs(api)[0]).toMatchObject({ saveAs: 'mario@gmail.com' });
    expect(runs(api)[0]?.savePassword).toBeUndefined();
  });

  it.each([
    ['en', 'saving it failed', 'could not be saved'],
    ['it', 'il salvataggio non è riuscito', 'Non è stato possibile salvare'],
  ] as const)(
    'in %s: a test whose saving failed still shows its result, and says what was not saved',
    async (lang, lead, why) => {
      setup(
        { available: true },
        {
          'probe:run': () => ({
            ...okResult(),
            saveProblem: {
              code: 'PROFILE_SAVE_FAILED',
              en: "The account could not be saved in Mailcheck's data folder.",
              it: "Non è stato possibile salvare l'account nella cartella dei dati di Mailcheck.",
            },
          }),
        },
        lang,
      );
      await fillAndSave();
      fireEvent.click(screen.getByTestId('run'));
      await screen.findByTestId('settings-card');
      const problem = screen.getByTestId('save-problem');
      expect(problem.textContent).toContain(lead);
      expect(problem.textContent).toContain(why);
    },
  );

  it.each([
    ['en', 'The file was moved aside'],
    ['it', 'Il file è stato spostato'],
  ] as const)('in %s: a profiles file set aside is reported in the user’s language', async (lang, text) => {
    setup(
      { available: true },
      {
        'profiles:list': () => ({
          profiles: [],
          warning: 'The file was moved aside.',
          warningIt: 'Il file è stato spostato.',
        }),
      },
      lang,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(text));
  });

  it('a saved run shows no save problem', async () => {
    setup({ available: true });
    await fillAndSave();
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('settings-card');
    expect(screen.queryByTestId('save-problem')).toBeNull();
  });

  it('when the keychain goes away after start-up, the refused run can be repeated saving the settings only', async () => {
    let calls = 0;
    const api = setup(
      { available: true },
      {
        'probe:run': (input) => {
          calls += 1;
          if (input.savePassword !== false) {
            throw ipcError('probe:run', { code: 'KEYCHAIN_UNAVAILABLE', en: DOWN.reason, it: DOWN.reasonIt });
          }
          return okResult();
        },
      },
      'it',
    );
    await screen.findByRole('heading', { name: 'Il tuo account di posta' });
    await fillAndSave();
    fireEvent.click(screen.getByTestId('run'));
    expect((await screen.findByTestId('run-error')).textContent).toContain(DOWN.reasonIt);
    fireEvent.click(screen.getByTestId('retry-without-password'));
    await screen.findByTestId('settings-card');
    expect(calls).toBe(2);
    const [first, second] = runs(api);
    expect(second).toMatchObject({ saveAs: first?.saveAs, savePassword: false });
    expect(second?.runId).not.toBe(first?.runId);
    // The account form now knows the keychain is down.
    fireEvent.click(screen.getByTestId('nav-account'));
    await waitFor(() =>
      expect(screen.getByTestId('keychain-unavailable').textContent).toContain(DOWN.reasonIt),
    );
  });
});

describe('buildRunInput', () => {
  const form: AccountForm = {
    ...EMPTY_FORM,
    host: 'smtp.gmail.com',
    port: '587',
    user: 'mario@gmail.com',
    password: 'typed-here',
    saveProfile: true,
    profileName: 'Gmail',
  };

  it('never asks to save a password when the keychain is down', () => {
    const down = { available: false };
    expect(buildRunInput(form, 'r1', down).saveAs).toBeUndefined();
    expect(buildRunInput({ ...form, saveWithoutPassword: true }, 'r2', down)).toMatchObject({
      saveAs: 'Gmail',
      savePassword: false,
    });
    expect(buildRunInput(form, 'r3', { available: true })).toMatchObject({ saveAs: 'Gmail' });
    expect(buildRunInput({ ...form, savePassword: false }, 'r4', { available: true }).saveAs).toBeUndefined();
  });
});
