// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DiagnosisPanel } from '../../src/renderer/src/components/DiagnosisPanel';
import { ResultDetails } from '../../src/renderer/src/components/ResultDetails';
import { SettingsCard } from '../../src/renderer/src/components/SettingsCard';
import { I18nContext, makeI18n } from '../../src/renderer/src/i18n/context';
import { ApiContext } from '../../src/renderer/src/lib/api';
import { renderDiagnosis } from '../../src/shared/diagnoses';
import type { Lang } from '../../src/shared/probe-types';
import { createFakeApi } from './fake-api';
import { basicDisabledResult, okResult } from './results';

afterEach(cleanup);

function wrap(lang: Lang, node: ReactNode, api = createFakeApi({ 'clipboard:write': () => undefined })) {
  render(
    <ApiContext.Provider value={api}>
      <I18nContext.Provider value={makeI18n(lang)}>{node}</I18nContext.Provider>
    </ApiContext.Provider>,
  );
  return api;
}

describe('settings that work', () => {
  it('lists server, port, security in the words other programs use, and username, each with a copy button', async () => {
    const api = wrap('en', <SettingsCard result={okResult()} />);
    const card = screen.getByTestId('settings-card');
    expect(within(card).getByRole('heading', { name: 'These settings work' })).toBeTruthy();
    const values = [...card.querySelectorAll('dd code')].map((c) => c.textContent);
    expect(values).toEqual(['smtp-mail.outlook.com', '587', 'STARTTLS', 'mario@outlook.it']);

    fireEvent.click(within(card).getByRole('button', { name: 'Copy Security' }));
    await waitFor(() => expect(api.calls.at(-1)).toEqual({ channel: 'clipboard:write', args: ['STARTTLS'] }));
    expect(await within(card).findByText('Copied')).toBeTruthy();
  });

  it('says SSL/TLS for implicit TLS and hides the username when there was no login', () => {
    const result = okResult();
    result.server.securityUsed = 'tls';
    result.request.user = null;
    wrap('it', <SettingsCard result={result} />);
    const values = [...screen.getByTestId('settings-card').querySelectorAll('dd code')].map(
      (c) => c.textContent,
    );
    expect(values).toEqual(['smtp-mail.outlook.com', '587', 'SSL/TLS']);
    expect(screen.getByRole('heading', { name: 'Queste impostazioni funzionano' })).toBeTruthy();
  });
});

describe('diagnosis panel', () => {
  it.each(['en', 'it'] as const)(
    'a reply no rule knows (%s): the server’s words quoted, its code explained, and the hostile parts gone',
    (lang) => {
      const reply = '550 5.7.13 Your account \u001b[31mis gone\u202e';
      const diagnosis = { ...basicDisabledResult().diagnosis!, id: 'reply.permanent', reply };
      wrap(lang, <DiagnosisPanel diagnosis={diagnosis} onOpenGuide={() => undefined} />);
      const panel = screen.getByTestId('diagnosis');
      expect(panel.dataset.diagnosis).toBe('reply.permanent');
      const explanation = renderDiagnosis(diagnosis, lang).explanation;
      expect(panel.textContent).toContain(explanation);
      expect(explanation).toContain('«Your account [31mis gone»');
      expect(explanation).toContain(
        lang === 'en' ? 'the user account is disabled' : 'l’account dell’utente è disattivato',
      );
      expect(explanation).not.toContain('\u001b');
      expect(explanation).not.toContain('\u202e');
    },
  );

  it.each(['en', 'it'] as const)(
    'renders the catalogue entry in %s with ordered advice and the server reply',
    (lang) => {
      const result = basicDisabledResult();
      const expected = renderDiagnosis(result.diagnosis!, lang);
      wrap(lang, <DiagnosisPanel diagnosis={result.diagnosis!} onOpenGuide={() => undefined} />);
      const panel = screen.getByTestId('diagnosis');
      expect(panel.dataset.diagnosis).toBe('auth.basic-disabled');
      expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(expected.title);
      expect(panel.textContent).toContain(expected.explanation);
      const advice = within(panel)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(advice).toEqual(expected.advice);
      expect(advice.length).toBeGreaterThan(0);
      expect(panel.textContent).toContain('535 5.7.139');
    },
  );

  it('opens the guide at the step that fixes it (basic auth disabled → modern-auth)', () => {
    const onOpenGuide = vi.fn();
    wrap('en', <DiagnosisPanel diagnosis={basicDisabledResult().diagnosis!} onOpenGuide={onOpenGuide} />);
    const button = screen.getByTestId('open-guide-step');
    expect(button.textContent).toContain('Sign in with Microsoft');
    fireEvent.click(button);
    expect(onOpenGuide).toHaveBeenCalledWith({ guideId: 'outlook', stepId: 'modern-auth' });
  });

  it('an id the window does not know still shows the raw reply (catalogue fallback)', () => {
    wrap(
      'en',
      <DiagnosisPanel
        diagnosis={{ id: 'future.thing', step: 'auth', reply: '599 something new', params: {} }}
        onOpenGuide={() => undefined}
      />,
    );
    expect(screen.getByTestId('diagnosis').textContent).toContain('599 something new');
  });
});

describe('details on demand', () => {
  // Shows the transcript as the engine gave it; that a real run's login IS redacted there is
  // checked on a real run (test/e2e/renderer.e2e.test.ts), not on this fixture's own "<redacted>".
  it('shows certificate, capabilities and the transcript inside <details>', () => {
    wrap('en', <ResultDetails result={okResult()} />);
    const details = screen.getByTestId('details').querySelectorAll('details');
    expect(details).toHaveLength(3);
    expect(details[0]?.open).toBe(false);
    expect(details[0]?.textContent).toContain('CN=Mailcheck Test CA');
    expect(details[1]?.textContent).toContain('AUTH LOGIN PLAIN');
    expect(screen.getByTestId('transcript').textContent).toContain('C: AUTH PLAIN <redacted>');
  });
});
