// @vitest-environment happy-dom
/** What a careful user notices: invalid fields marked and focused, keyboard shortcuts, the language kept. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ProbeResult } from '../../src/shared/probe-types';
import { renderApp } from './render-app';
import { okResult } from './results';

afterEach(cleanup);

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

describe('invalid fields', () => {
  it('are marked aria-invalid and the first one gets the focus', async () => {
    renderApp();
    fireEvent.change(await screen.findByTestId('port'), { target: { value: '99999' } });
    fireEvent.click(input('save-profile'));
    fireEvent.change(input('profile-name'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('run'));
    expect(input('host').getAttribute('aria-invalid')).toBe('true');
    expect(input('port').getAttribute('aria-invalid')).toBe('true');
    expect(input('profile-name').getAttribute('aria-invalid')).toBe('true');
    expect(input('host').getAttribute('aria-errormessage')).toBe('form-problems');
    await waitFor(() => expect(document.activeElement).toBe(input('host')));
    fireEvent.change(input('host'), { target: { value: 'smtp.example.org' } });
    fireEvent.click(screen.getByTestId('run'));
    expect(input('host').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(input('port')));
  });
});

describe('keyboard', () => {
  it('Ctrl+Enter runs the test, Esc stops it, Ctrl+Enter tests again', async () => {
    let finish: (r: ProbeResult) => void = () => undefined;
    const api = renderApp({
      'probe:run': () => new Promise<ProbeResult>((resolve) => (finish = resolve)),
      'probe:cancel': () => undefined,
    });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'x@libero.it' } });
    fireEvent.keyDown(input('email'), { key: 'Enter', ctrlKey: true });
    await screen.findByTestId('test-screen');
    fireEvent.keyDown(document.body, { key: 'Escape' });
    await waitFor(() => expect(api.calls.at(-1)?.channel).toBe('probe:cancel'));
    finish(okResult());
    await screen.findByTestId('settings-card');
    fireEvent.keyDown(document.body, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'probe:run')).toHaveLength(2));
  });
});

describe('language', () => {
  it('is remembered over the OS language', async () => {
    renderApp({}, { locale: 'en' });
    fireEvent.change(await screen.findByTestId('lang-switch'), { target: { value: 'it' } });
    await screen.findByRole('heading', { name: 'Il tuo account di posta' });
    cleanup();
    renderApp({}, { locale: 'en', keepRememberedLanguage: true });
    await screen.findByRole('heading', { name: 'Il tuo account di posta' });
    // Still Italian once app:info (OS language English) has answered.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.getByRole('heading', { name: 'Il tuo account di posta' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('it');
  });
});
