// @vitest-environment happy-dom
/** Failure screens offer the fix: one click changes what was wrong and tests again. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { editDistance, fixesFor, suggestHost } from '../../src/renderer/src/lib/fixes';
import type { RunProbeInput } from '../../src/shared/ipc';
import type { ProbeResult } from '../../src/shared/probe-types';
import { renderApp } from './render-app';
import { basicDisabledResult, okResult } from './results';

afterEach(cleanup);

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

function failure(id: string, request: Partial<ProbeResult['request']>): ProbeResult {
  const result = basicDisabledResult();
  result.request = { ...result.request, ...request };
  result.diagnosis = { ...result.diagnosis!, id, reply: null };
  return result;
}

describe('did you mean', () => {
  it('finds a known server one typo away, and nothing for names far from any', () => {
    expect(editDistance('smtp-mail.outlok.com', 'smtp-mail.outlook.com')).toBe(1);
    expect(suggestHost('smtp-mail.outlok.com')).toBe('smtp-mail.outlook.com');
    expect(suggestHost('SMTP.GMAIL.CON')).toBe('smtp.gmail.com');
    expect(suggestHost('smtp.libero.ti')).toBe('smtp.libero.it');
    expect(suggestHost('smtp-mail.outlook.com')).toBeNull();
    expect(suggestHost('mail.example.org')).toBeNull();
    expect(suggestHost('a.b')).toBeNull();
  });

  it('offers each fix only for its diagnosis', () => {
    expect(fixesFor(failure('tls.mode-mismatch', { security: 'tls', port: 587 }), { usage: null })).toEqual([
      { kind: 'security', security: 'starttls', port: 587 },
    ]);
    expect(
      fixesFor(failure('tls.mode-mismatch', { security: 'starttls', port: 465 }), { usage: null }),
    ).toEqual([{ kind: 'security', security: 'tls', port: 465 }]);
    expect(fixesFor(failure('auth.basic-disabled', {}), { usage: null })).toEqual([
      { kind: 'sign-in' },
      { kind: 'password-only' },
    ]);
    // A program that cannot sign in gets no "Sign in with Microsoft"; nor does SMTP AUTH switched off.
    expect(
      fixesFor(failure('auth.basic-disabled', {}), { usage: { kind: 'website', signIn: 'no' } }),
    ).toEqual([{ kind: 'password-only' }]);
    expect(fixesFor(failure('auth.smtp-auth-disabled', {}), { usage: null })).toEqual([
      { kind: 'password-only' },
    ]);
    expect(fixesFor(failure('auth.rejected', {}), { usage: null })).toEqual([]);
    expect(fixesFor(okResult(), { usage: null })).toEqual([]);
  });
});

describe('one click', () => {
  it('mode mismatch: "Use STARTTLS on 587 and test again" reruns with STARTTLS; the heading says Results for', async () => {
    const results = [failure('tls.mode-mismatch', { security: 'tls', port: 587 }), okResult()];
    const api = renderApp({ 'probe:run': () => results.shift()! });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@outlook.it' } });
    fireEvent.change(input('security'), { target: { value: 'tls' } });
    fireEvent.click(input('usage-cms'));
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    const fix = await screen.findByTestId('fix-security');
    expect(fix.textContent).toBe('Use STARTTLS on 587 and test again');
    // What the WordPress plugin calls it.
    expect(screen.getByTestId('fix-program-wording').textContent).toContain('Encryption “TLS”');
    expect(
      screen.getByRole('heading', { level: 2, name: /^Results for smtp-mail.outlook.com:587/ }),
    ).toBeTruthy();
    fireEvent.click(fix);
    await screen.findByTestId('settings-card');
    const runs = api.calls.filter((c) => c.channel === 'probe:run').map((c) => c.args[0] as RunProbeInput);
    expect(runs.map((r) => r.request.security)).toEqual(['tls', 'starttls']);
    expect(runs[1]?.request.auth).toEqual(runs[0]?.request.auth);
    // The Account screen shows what ran.
    fireEvent.click(screen.getByTestId('nav-account'));
    expect(input('security').value).toBe('starttls');
  });

  it('a typo in the server name offers the right one', async () => {
    const results = [failure('dns.not-found', { host: 'smtp-mail.outlok.com' }), okResult()];
    const api = renderApp({ 'probe:run': () => results.shift()! }, { locale: 'it' });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@outlook.it' } });
    fireEvent.change(input('host'), { target: { value: 'smtp-mail.outlok.com' } });
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    const fix = await screen.findByTestId('fix-host');
    expect(fix.textContent).toBe('Forse intendevi smtp-mail.outlook.com? Usalo e ripeti il test');
    fireEvent.click(fix);
    await screen.findByTestId('settings-card');
    const last = api.calls.filter((c) => c.channel === 'probe:run').at(-1)?.args[0] as RunProbeInput;
    expect(last.request.host).toBe('smtp-mail.outlook.com');
  });

  it('basic-disabled: "Sign in with Microsoft" goes to the sign-in; "What works" to the way-out panel', async () => {
    renderApp({ 'probe:run': () => basicDisabledResult() });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@outlook.it' } });
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    fireEvent.click(await screen.findByTestId('fix-password-only'));
    expect(document.activeElement?.id).toBe('way-out-heading');

    fireEvent.click(screen.getByTestId('fix-sign-in'));
    await screen.findByTestId('account-screen');
    expect(input('auth-oauth2').checked).toBe(true);
    expect(input('save-profile').checked).toBe(true);
    // No client id in this copy: focus lands on the sentence's link, not on a dead button.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('oauth-docs-link'));
  });
});
