// @vitest-environment happy-dom
/**
 * "Find the settings from the address" on the Account screen: discovery starts once the address
 * is complete (after a short pause, the previous search cancelled), fills both servers with a
 * "found via …" label each, selects Microsoft's sign-in for a Microsoft 365 domain, and the user
 * can still edit everything (an edit removes that server's label). Only the address is sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { DiscoveryAnswer, FoundSetting } from '../../src/shared/discovery-types';
import type { DiscoverInput } from '../../src/shared/ipc';
import { DISCOVERY_DEBOUNCE_MS } from '../../src/renderer/src/hooks/useDiscovery';
import { renderApp } from './render-app';

afterEach(cleanup);

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

function found(patch: Partial<FoundSetting>): FoundSetting {
  return {
    host: 'smtp.my-shop.it',
    port: 465,
    security: 'tls',
    username: 'info@my-shop.it',
    source: 'autoconfig',
    verified: true,
    flags: [],
    oauth: false,
    ...patch,
  };
}

function answer(patch: Partial<DiscoveryAnswer> = {}): DiscoveryAnswer {
  return {
    address: 'info@my-shop.it',
    domain: 'my-shop.it',
    smtp: found({}),
    imap: found({ host: 'imap.my-shop.it', port: 993, source: 'srv', verified: false }),
    pop3: null,
    oauth: false,
    provider: null,
    cancelled: false,
    totalMs: 1234,
    ...patch,
  };
}

const discoveryCalls = (api: ReturnType<typeof renderApp>) =>
  api.calls.filter((c) => c.channel === 'discovery:run').map((c) => c.args[0] as DiscoverInput);

describe('discovery from the address', () => {
  it('starts after the pause, sends only the address, fills both servers with their labels', async () => {
    const api = renderApp({ 'discovery:run': () => answer() });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'info@my-shop.it' } });
    // Not at once: typing continues for a while.
    expect(discoveryCalls(api)).toHaveLength(0);
    await waitFor(() => expect(input('host').value).toBe('smtp.my-shop.it'), {
      timeout: DISCOVERY_DEBOUNCE_MS * 5,
    });
    const [call] = discoveryCalls(api);
    expect(Object.keys(call!).sort()).toEqual(['address', 'discoveryId']);
    expect(call!.address).toBe('info@my-shop.it');

    expect(input('port').value).toBe('465');
    expect(input('security').value).toBe('tls');
    expect(input('user').value).toBe('info@my-shop.it');
    expect(input('incoming-enabled').checked).toBe(true);
    expect(input('incoming-host').value).toBe('imap.my-shop.it');
    expect(input('incoming-port').value).toBe('993');
    expect(screen.getByTestId('found-smtp').textContent).toBe(
      'Found via the provider’s autoconfig · verified',
    );
    expect(screen.getByTestId('found-incoming').textContent).toBe('Found via DNS SRV · not verified');
    expect(screen.getByTestId('discovery-status').textContent).toContain('found in 1.2\u00a0s');

    // Everything stays editable; an edit removes that server's label only.
    fireEvent.change(input('port'), { target: { value: '587' } });
    expect(input('port').value).toBe('587');
    expect(screen.queryByTestId('found-smtp')).toBeNull();
    expect(screen.getByTestId('found-incoming')).toBeTruthy();
    fireEvent.change(input('incoming-host'), { target: { value: 'mail.my-shop.it' } });
    expect(screen.queryByTestId('found-incoming')).toBeNull();
  });

  it('cancels the search of an address the user went on typing, and ignores its late answer', async () => {
    const pending: Array<(a: DiscoveryAnswer) => void> = [];
    const api = renderApp({
      'discovery:run': () => new Promise<DiscoveryAnswer>((resolve) => pending.push(resolve)),
      'discovery:cancel': () => undefined,
    });
    const email = await screen.findByTestId('email');
    fireEvent.change(email, { target: { value: 'info@my-shop.it' } });
    await waitFor(() => expect(discoveryCalls(api)).toHaveLength(1), { timeout: DISCOVERY_DEBOUNCE_MS * 5 });
    expect(screen.getByTestId('discovery-status').textContent).toContain(
      'Looking for the settings of my-shop.it',
    );
    expect(screen.getByTestId('discovery-status').textContent).toContain('No password is sent');

    fireEvent.change(email, { target: { value: 'info@my-shop.it.example.com' } });
    const first = discoveryCalls(api)[0]!;
    expect(api.calls.some((c) => c.channel === 'discovery:cancel' && c.args[0] === first.discoveryId)).toBe(
      true,
    );
    // The old search answers after all: the form is not touched.
    await act(async () => pending[0]!(answer()));
    expect(input('host').value).toBe('');
    await waitFor(() => expect(discoveryCalls(api)).toHaveLength(2), { timeout: DISCOVERY_DEBOUNCE_MS * 5 });
    expect(discoveryCalls(api)[1]!.address).toBe('info@my-shop.it.example.com');
  });

  it('an MX pointing at Microsoft 365 selects its preset and “Sign in with Microsoft”, in Italian too', async () => {
    renderApp(
      {
        'discovery:run': () =>
          answer({
            address: 'ceo@azienda.it',
            domain: 'azienda.it',
            smtp: found({
              host: 'smtp.office365.com',
              port: 587,
              security: 'starttls',
              source: 'mx',
              oauth: true,
            }),
            imap: found({ host: 'outlook.office365.com', port: 993, source: 'mx', oauth: true }),
            oauth: true,
            provider: 'Microsoft 365',
          }),
      },
      { locale: 'it', msClientId: '3f1c2d4e-0000-4000-8000-000000000001' },
    );
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'ceo@azienda.it' } });
    await waitFor(() => expect(input('host').value).toBe('smtp.office365.com'), {
      timeout: DISCOVERY_DEBOUNCE_MS * 5,
    });
    expect(input('provider').value).toBe('microsoft365');
    expect(input('auth-oauth2').checked).toBe(true);
    expect(screen.getByTestId('found-smtp').textContent).toBe(
      'Trovato tramite MX → Microsoft 365 · verificato',
    );
    // The preset says the rest (its notes); no second note from discovery.
    expect(screen.queryByTestId('discovery-oauth')).toBeNull();
    expect(screen.getByTestId('discovery-status').textContent).toContain('(Microsoft 365)');
  });

  it('leaves a server the user edited while the search ran as it is, and fills the other', async () => {
    let answerNow!: (a: DiscoveryAnswer) => void;
    const api = renderApp({
      'discovery:run': () => new Promise<DiscoveryAnswer>((resolve) => (answerNow = resolve)),
    });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'info@my-shop.it' } });
    await waitFor(() => expect(discoveryCalls(api)).toHaveLength(1), { timeout: DISCOVERY_DEBOUNCE_MS * 5 });
    fireEvent.change(input('host'), { target: { value: 'mail.my-own-choice.it' } });
    await act(async () => answerNow(answer()));
    expect(input('host').value).toBe('mail.my-own-choice.it');
    expect(screen.queryByTestId('found-smtp')).toBeNull();
    expect(input('incoming-host').value).toBe('imap.my-shop.it');
    expect(screen.getByTestId('found-incoming')).toBeTruthy();
  });

  it('says when nothing was found, and flags a setting that came over http', async () => {
    renderApp({
      'discovery:run': ({ address }) =>
        address.startsWith('a@')
          ? answer({ address, domain: 'nowhere.it', smtp: null, imap: null })
          : answer({
              address,
              smtp: found({
                flags: ['http', 'dns-pointer', 'foreign-host'],
                verified: false,
                source: 'guess',
              }),
              imap: null,
            }),
    });
    const email = await screen.findByTestId('email');
    fireEvent.change(email, { target: { value: 'a@nowhere.it' } });
    await waitFor(() => expect(screen.getByTestId('discovery-status').dataset.state).toBe('nothing'), {
      timeout: DISCOVERY_DEBOUNCE_MS * 5,
    });
    expect(screen.getByTestId('discovery-status').textContent).toContain('No settings found for nowhere.it');

    fireEvent.change(email, { target: { value: 'b@my-shop.it' } });
    const label = await screen.findByTestId('found-smtp', {}, { timeout: DISCOVERY_DEBOUNCE_MS * 5 });
    expect(label.textContent).toContain('Found by trying: the server answered · not verified');
    expect(label.textContent).toContain('plain http');
    expect(label.textContent).toContain('unsigned DNS record');
    expect(label.textContent).toContain('outside your domain');
  });

  it('does not search for a provider the presets know, nor for an incomplete address', async () => {
    const api = renderApp({ 'discovery:run': () => answer() });
    const email = await screen.findByTestId('email');
    fireEvent.change(email, { target: { value: 'mario@gmail.com' } });
    fireEvent.change(email, { target: { value: 'info@my-shop' } });
    await new Promise((resolve) => setTimeout(resolve, DISCOVERY_DEBOUNCE_MS * 2));
    expect(discoveryCalls(api)).toHaveLength(0);
  });
});
