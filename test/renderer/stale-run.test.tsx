// @vitest-environment happy-dom
/**
 * Overlapping runs: the Account tab stays usable while a test runs, so a second test can start
 * before the first one answered. Whatever order the answers arrive in, the window shows the newest
 * run only: an older run's result, error or progress never overwrites it. Written against what the
 * DOM shows (the App's internals are being split into hooks).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { RunProbeInput } from '../../src/shared/ipc';
import type { ProbeResult } from '../../src/shared/probe-types';
import { ipcError } from './fake-api';
import { renderApp } from './render-app';
import { basicDisabledResult, okResult } from './results';

afterEach(cleanup);

interface PendingRun {
  input: RunProbeInput;
  resolve: (result: ProbeResult) => void;
  reject: (error: unknown) => void;
}

/** An app whose probe:run calls stay pending until the test answers them, in any order. */
async function appWithPendingRuns() {
  const runs: PendingRun[] = [];
  const api = renderApp({
    'probe:run': (input) =>
      new Promise<ProbeResult>((resolve, reject) => runs.push({ input, resolve, reject })),
    'probe:cancel': () => undefined,
  });
  fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@outlook.it' } });
  fireEvent.change(screen.getByTestId('password'), { target: { value: 'pw-not-shown' } });
  return { api, runs };
}

/** Starts a run from the Account screen and waits for the test screen. */
async function startRunFromAccount(): Promise<void> {
  fireEvent.click(screen.getByTestId('run'));
  await screen.findByTestId('test-screen');
}

/** While a run is pending, goes back to the Account screen through the navigation bar. */
async function backToAccountDuringRun(): Promise<void> {
  const tab = screen.getByTestId('nav-account') as HTMLButtonElement;
  expect(screen.getByTestId('test-screen').dataset.running).toBe('true');
  // Precondition of this file: were the tab disabled during a run, runs could not overlap this way.
  expect(tab.disabled, 'the Account tab is usable during a run').toBe(false);
  fireEvent.click(tab);
  await screen.findByTestId('account-screen');
}

const stepStates = (): (string | undefined)[] =>
  within(screen.getByTestId('steps'))
    .getAllByRole('listitem')
    .map((li) => li.dataset.state);

describe('two overlapping runs', () => {
  it('the older result, arriving last, does not replace the newer one', async () => {
    const { runs } = await appWithPendingRuns();
    await startRunFromAccount();
    await backToAccountDuringRun();
    await startRunFromAccount();
    expect(runs).toHaveLength(2);
    const [older, newer] = runs as [PendingRun, PendingRun];
    expect(older.input.runId).not.toBe(newer.input.runId);

    await act(async () => newer.resolve(okResult()));
    expect(await screen.findByTestId('settings-card')).toBeTruthy();
    await act(async () => older.resolve(basicDisabledResult()));

    // Still the newer run's success: no diagnosis of the older one, every step passed.
    expect(screen.queryByTestId('diagnosis')).toBeNull();
    expect(screen.getByTestId('settings-card')).toBeTruthy();
    expect(stepStates()).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
  });

  it('the older result, arriving first, is not shown while the newer run is still running', async () => {
    const { runs } = await appWithPendingRuns();
    await startRunFromAccount();
    await backToAccountDuringRun();
    await startRunFromAccount();
    const [older, newer] = runs as [PendingRun, PendingRun];

    await act(async () => older.resolve(basicDisabledResult()));
    expect(screen.getByTestId('test-screen').dataset.running).toBe('true');
    expect(screen.queryByTestId('diagnosis')).toBeNull();
    expect(screen.getByTestId('stop')).toBeTruthy();

    await act(async () => newer.resolve(okResult()));
    expect(await screen.findByTestId('settings-card')).toBeTruthy();
    expect(screen.queryByTestId('diagnosis')).toBeNull();
  });

  it('an older run that fails does not put its error over the newer run', async () => {
    const { runs } = await appWithPendingRuns();
    await startRunFromAccount();
    await backToAccountDuringRun();
    await startRunFromAccount();
    const [older, newer] = runs as [PendingRun, PendingRun];

    await act(async () =>
      older.reject(
        ipcError('probe:run', { code: 'UNEXPECTED', en: 'Old run broke', it: 'Vecchia prova rotta' }),
      ),
    );
    expect(screen.queryByTestId('run-error')).toBeNull();
    expect(screen.getByTestId('test-screen').dataset.running).toBe('true');
    await act(async () => newer.resolve(okResult()));
    expect(await screen.findByTestId('settings-card')).toBeTruthy();
    expect(screen.queryByTestId('run-error')).toBeNull();
  });

  it('progress of the older run does not move the newer run’s steps', async () => {
    const { api, runs } = await appWithPendingRuns();
    await startRunFromAccount();
    await backToAccountDuringRun();
    await startRunFromAccount();
    const [older, newer] = runs as [PendingRun, PendingRun];

    act(() =>
      api.emit('probe:progress', { runId: older.input.runId, event: { type: 'step-start', id: 'dns' } }),
    );
    expect(stepStates()[0]).toBe('waiting');
    act(() =>
      api.emit('probe:progress', { runId: newer.input.runId, event: { type: 'step-start', id: 'dns' } }),
    );
    expect(stepStates()[0]).toBe('running');
  });
});
