// @vitest-environment happy-dom
/**
 * The incoming server (IMAP/POP3) in the window: the optional section on the Account screen,
 * presets and profiles, and one Test running sending and receiving side by side, in parallel,
 * each with its live steps and its own outcome; the report covers both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RunProbeInput, RunProbeOutput, RunReceiveInput } from '../../src/shared/ipc';
import type { ReceiveResult } from '../../src/shared/probe-types';
import type { Profile } from '../../src/shared/profile-types';
import { renderApp } from './render-app';
import { basicDisabledResult, okResult } from './results';

afterEach(cleanup);

const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** An IMAP result shaped like the engine's. */
function imapOk(): ReceiveResult {
  const base = okResult();
  return {
    ...base,
    protocol: 'imap',
    request: {
      host: 'imap.gmail.com',
      port: 993,
      security: 'tls',
      user: 'mario@gmail.com',
      authMethod: 'PLAIN',
    },
    steps: (['dns', 'tcp', 'greeting', 'capabilities', 'tls', 'auth', 'mailbox'] as const).map((id) => ({
      id,
      status: 'pass',
      ms: 4,
      summary:
        id === 'mailbox'
          ? { en: 'INBOX: 12 messages, 3 unread', it: 'INBOX: 12 messaggi, 3 non letti' }
          : { en: `${id} ok`, it: `${id} ok` },
    })),
    server: { ...base.server, securityUsed: 'tls' },
  };
}

function imapAppPassword(): ReceiveResult {
  const ok = imapOk();
  return {
    ...ok,
    ok: false,
    steps: ok.steps.map((s) =>
      s.id === 'auth'
        ? { ...s, status: 'fail', summary: { en: 'Refused', it: 'Rifiutato' } }
        : s.id === 'mailbox'
          ? { ...s, status: 'skip' }
          : s,
    ),
    diagnosis: {
      id: 'auth.app-password-required',
      step: 'auth',
      reply: 'a1 NO [ALERT] Application-specific password required',
      params: { host: 'imap.gmail.com', port: '993' },
    },
  };
}

/** Fills a Gmail account and ticks the incoming section (filled by the preset). */
async function gmailWithIncoming() {
  fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@gmail.com' } });
  fireEvent.change(input('password'), { target: { value: 'app-password-123' } });
  fireEvent.click(input('incoming-enabled'));
}

describe('incoming section on the account', () => {
  it('is optional, filled by the preset, and keeps the account’s login unless another is typed', async () => {
    renderApp();
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@gmail.com' } });
    // Off by default: the fields only appear when asked for.
    expect(screen.queryByTestId('incoming-host')).toBeNull();
    fireEvent.click(input('incoming-enabled'));
    expect(input('incoming-protocol').value).toBe('imap');
    expect(input('incoming-host').value).toBe('imap.gmail.com');
    expect(input('incoming-port').value).toBe('993');
    expect(input('incoming-security').value).toBe('tls');
    expect(input('incoming-user').value).toBe('');
    expect(input('incoming-user').placeholder).toBe('mario@gmail.com');

    // POP3: the standard port follows the protocol; a port of the user's own stays.
    fireEvent.change(input('incoming-protocol'), { target: { value: 'pop3' } });
    expect(input('incoming-port').value).toBe('995');
    fireEvent.change(input('incoming-port'), { target: { value: '1995' } });
    fireEvent.change(input('incoming-protocol'), { target: { value: 'imap' } });
    expect(input('incoming-port').value).toBe('1995');
  });

  it('refuses to run with an incoming section left without a server', async () => {
    const api = renderApp();
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'me@shop.example' } });
    fireEvent.change(input('host'), { target: { value: 'smtp.shop.example' } });
    fireEvent.click(input('incoming-enabled'));
    fireEvent.change(input('incoming-host'), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('run'));
    expect(screen.getByTestId('form-problems').textContent).toContain('Enter the incoming server name.');
    expect(api.calls.some((c) => c.channel === 'probe:run' || c.channel === 'receive:run')).toBe(false);
  });

  it('is saved with the account and loaded back from it', async () => {
    const saved: Profile[] = [];
    const profile: Profile = {
      name: 'Shop',
      email: 'info@shop.example',
      host: 'smtp.shop.example',
      port: 465,
      security: 'tls',
      user: 'info@shop.example',
      authMethod: 'password',
      incoming: { protocol: 'pop3', host: 'pop.shop.example', port: 995, security: 'tls', user: 'info' },
      updatedAt: '2026-12-01T00:00:00Z',
    };
    renderApp(
      {
        'profiles:save': ({ profile: p }) => {
          saved.push(p);
          return { savedSecret: false };
        },
        'probe:run': () => new Promise(() => undefined),
        'receive:run': () => new Promise(() => undefined),
      },
      { profiles: [profile] },
    );
    expect((await screen.findByTestId('profile-incoming')).textContent).toBe(
      'Incoming: POP3 pop.shop.example:995',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Shop' }));
    expect(input('incoming-enabled').checked).toBe(true);
    expect(input('incoming-protocol').value).toBe('pop3');
    expect(input('incoming-host').value).toBe('pop.shop.example');
    expect(input('incoming-user').value).toBe('info');
    fireEvent.click(screen.getByTestId('run'));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.incoming).toEqual(profile.incoming);
  });
});

describe('the receiving test’s login', () => {
  it('a saved account without a typed password lets main use the saved secret (profileName, no password)', async () => {
    const profile: Profile = {
      name: 'Shop',
      email: 'info@shop.example',
      host: 'smtp.shop.example',
      port: 465,
      security: 'tls',
      user: 'info@shop.example',
      authMethod: 'password',
      incoming: { protocol: 'imap', host: 'imap.shop.example', port: 993, security: 'tls' },
      updatedAt: '2026-12-01T00:00:00Z',
    };
    const api = renderApp(
      { 'probe:run': () => new Promise(() => undefined), 'receive:run': () => new Promise(() => undefined) },
      { profiles: [profile] },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Test Shop again' }));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'receive:run')).toBe(true));
    const recv = api.calls.find((c) => c.channel === 'receive:run')!.args[0] as RunReceiveInput;
    expect(recv).toEqual({
      runId: expect.any(String),
      request: { protocol: 'imap', host: 'imap.shop.example', port: 993, security: 'tls' },
      profileName: 'Shop',
    });
  });

  it('another username for incoming mail is used there only', async () => {
    const api = renderApp({
      'probe:run': () => new Promise(() => undefined),
      'receive:run': () => new Promise(() => undefined),
    });
    await gmailWithIncoming();
    fireEvent.change(input('incoming-user'), { target: { value: 'shared@gmail.com' } });
    fireEvent.click(screen.getByTestId('run'));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'receive:run')).toBe(true));
    const recv = api.calls.find((c) => c.channel === 'receive:run')!.args[0] as RunReceiveInput;
    const send = api.calls.find((c) => c.channel === 'probe:run')!.args[0] as RunProbeInput;
    expect(recv.request.auth).toEqual({
      method: 'password',
      user: 'shared@gmail.com',
      password: 'app-password-123',
    });
    expect(send.request.auth?.user).toBe('mario@gmail.com');
  });
});

describe('one Test, sending and receiving side by side', () => {
  it('starts both at once; each column has its own live steps and outcome; the report has both', async () => {
    const probe = deferred<RunProbeOutput>();
    const receive = deferred<ReceiveResult>();
    const api = renderApp({
      'probe:run': () => probe.promise,
      'receive:run': () => receive.promise,
      'clipboard:write': () => undefined,
    });
    await gmailWithIncoming();
    fireEvent.click(screen.getByTestId('run'));

    // Both are running before either answered: in parallel, not one after the other.
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'receive:run')).toHaveLength(1));
    expect(api.calls.filter((c) => c.channel === 'probe:run')).toHaveLength(1);
    const recv = api.calls.find((c) => c.channel === 'receive:run')!.args[0] as RunReceiveInput;
    const send = api.calls.find((c) => c.channel === 'probe:run')!.args[0] as RunProbeInput;
    expect(recv.request).toEqual({
      protocol: 'imap',
      host: 'imap.gmail.com',
      port: 993,
      security: 'tls',
      auth: { method: 'password', user: 'mario@gmail.com', password: 'app-password-123' },
    });
    expect(recv.runId).not.toBe(send.runId);

    const sendColumn = await screen.findByTestId('send-column');
    const receiveColumn = screen.getByTestId('receive-column');
    expect(document.getElementById('receive-heading')?.textContent).toBe('Receiving (IMAP)');
    const receiveSteps = () =>
      [...within(receiveColumn).getByTestId('receive-steps').querySelectorAll('li')].map(
        (li) => li.dataset.step,
      );
    // SSL/TLS on 993: the encryption runs before the greeting, and the list says so.
    expect(receiveSteps()).toEqual(['dns', 'tcp', 'tls', 'greeting', 'capabilities', 'auth', 'mailbox']);

    // Live events go to their own column only.
    act(() =>
      api.emit('receive:progress', { runId: recv.runId, event: { type: 'step-start', id: 'greeting' } }),
    );
    act(() => api.emit('probe:progress', { runId: send.runId, event: { type: 'step-start', id: 'dns' } }));
    const stateOf = (column: HTMLElement, step: string) =>
      column.querySelector<HTMLElement>(`li[data-step="${step}"]`)?.dataset.state;
    expect(stateOf(receiveColumn, 'greeting')).toBe('running');
    expect(stateOf(sendColumn, 'greeting')).toBe('waiting');
    expect(stateOf(sendColumn, 'dns')).toBe('running');
    expect(stateOf(receiveColumn, 'dns')).toBe('waiting');

    // Receiving answers first: its outcome shows while sending still runs.
    await act(async () => receive.resolve(imapOk()));
    const card = await within(receiveColumn).findByTestId('receive-settings-card');
    expect(card.textContent).toContain('These incoming settings work');
    expect(card.textContent).toContain('IMAP');
    expect(card.textContent).toContain('imap.gmail.com');
    expect(screen.getByTestId('test-screen').dataset.running).toBe('true');

    await act(async () => probe.resolve(basicDisabledResult()));
    await within(sendColumn).findByTestId('diagnosis');
    expect(screen.getByTestId('test-screen').dataset.running).toBe('false');

    fireEvent.click(screen.getByTestId('copy-report'));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'clipboard:write')).toBe(true));
    const report = api.calls.find((c) => c.channel === 'clipboard:write')!.args[0] as string;
    expect(report).toMatch(/^# Mailcheck report\n/);
    expect(report).toContain('## Sending (SMTP)');
    expect(report).toContain('## Receiving (IMAP)');
    // Each side is a full section one level down: its settings, steps, transcript.
    expect(report.match(/^### Settings tested$/gm)).toHaveLength(2);
    expect(report.match(/^### Transcript$/gm)).toHaveLength(2);
    expect(report.match(/^# /gm)).toHaveLength(1);
    expect(report).toContain('INBOX: 12 messages, 3 unread');
    expect(report).toContain('auth.basic-disabled');
    expect(report).not.toContain('app-password-123');
  });

  it('shows the receiving diagnosis in its column, in Italian too; Stop cancels both', async () => {
    const api = renderApp(
      {
        'probe:run': () => new Promise(() => undefined),
        'receive:run': () => Promise.resolve(imapAppPassword()),
        'probe:cancel': () => undefined,
        'receive:cancel': () => undefined,
      },
      { locale: 'it' },
    );
    await gmailWithIncoming();
    fireEvent.click(screen.getByTestId('run'));
    const receiveColumn = await screen.findByTestId('receive-column');
    const diagnosis = await within(receiveColumn).findByTestId('receive-diagnosis');
    expect(diagnosis.textContent).toMatch(/password per le app/i);
    expect(document.getElementById('send-heading')?.textContent).toBe('Invio (SMTP)');
    expect(document.getElementById('receive-heading')?.textContent).toBe('Ricezione (IMAP)');
    expect(screen.queryByTestId('receive-settings-card')).toBeNull();

    fireEvent.click(screen.getByTestId('stop'));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'probe:cancel')).toBe(true));
    expect(api.calls.some((c) => c.channel === 'receive:cancel')).toBe(true);
  });

  it('a test without an incoming server shows the single sending list, as before', async () => {
    const api = renderApp({ 'probe:run': () => okResult() });
    fireEvent.change(await screen.findByTestId('email'), { target: { value: 'mario@gmail.com' } });
    fireEvent.change(input('password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('run'));
    await screen.findByTestId('settings-card');
    expect(screen.queryByTestId('receive-column')).toBeNull();
    expect(api.calls.some((c) => c.channel === 'receive:run')).toBe(false);
  });
});
