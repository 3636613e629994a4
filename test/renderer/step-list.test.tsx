// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { StepList } from '../../src/renderer/src/components/StepList';
import { I18nContext, makeI18n } from '../../src/renderer/src/i18n/context';
import { applyEvent, initialSteps, stepsFromResult } from '../../src/renderer/src/lib/steps';
import type { Lang, ProbeResult } from '../../src/shared/probe-types';

afterEach(cleanup);

function renderSteps(lang: Lang, steps = initialSteps(false)) {
  return render(
    <I18nContext.Provider value={makeI18n(lang)}>
      <StepList steps={steps} />
    </I18nContext.Provider>,
  );
}

describe('StepList', () => {
  it('shows every step waiting, in a polite live region, without the send step unless asked', () => {
    renderSteps('en');
    const list = screen.getByRole('list', { name: 'Test steps' });
    expect(list.getAttribute('aria-live')).toBe('polite');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.dataset.step)).toEqual(['dns', 'tcp', 'greeting', 'ehlo', 'tls', 'auth']);
    expect(items.every((li) => li.dataset.state === 'waiting')).toBe(true);
    expect(initialSteps(true).map((s) => s.id)).toContain('send');
  });

  it('follows live events: running, then the step result with duration and summary in the UI language', () => {
    let steps = initialSteps(false);
    steps = applyEvent(steps, { type: 'step-start', id: 'dns' });
    expect(steps[0]?.state).toBe('running');
    steps = applyEvent(steps, {
      type: 'step-end',
      step: {
        id: 'dns',
        status: 'pass',
        ms: 12,
        summary: { en: 'Resolved to 127.0.0.1', it: 'Risolto in 127.0.0.1' },
      },
    });
    steps = applyEvent(steps, { type: 'step-start', id: 'tcp' });
    // The test message was not asked for: its skip does not add a row.
    steps = applyEvent(steps, {
      type: 'step-end',
      step: { id: 'send', status: 'skip', ms: 0, summary: { en: 'Not asked', it: 'Non richiesto' } },
    });
    expect(steps.map((s) => s.id)).not.toContain('send');
    renderSteps('it', steps);
    const dns = document.querySelector('[data-step="dns"]') as HTMLElement;
    expect(dns.dataset.state).toBe('pass');
    expect(dns.textContent).toContain('Nome del server (DNS)');
    expect(dns.textContent).toContain('OK');
    expect(dns.textContent).toContain('12 ms');
    expect(dns.textContent).toContain('Risolto in 127.0.0.1');
    const tcp = document.querySelector('[data-step="tcp"]') as HTMLElement;
    expect(tcp.textContent).toContain('In corso');
  });

  it('takes the final result as the truth: steps not reached become skipped, an unasked send stays hidden', () => {
    const result = {
      steps: [
        { id: 'dns', status: 'skip', ms: 0, summary: { en: 'IP address', it: 'Indirizzo IP' } },
        { id: 'tcp', status: 'fail', ms: 3, summary: { en: 'Refused', it: 'Rifiutata' } },
        { id: 'send', status: 'skip', ms: 0, summary: { en: 'Not asked', it: 'Non richiesto' } },
      ],
      request: { host: '127.0.0.1', port: 587, security: 'starttls' },
      server: { securityUsed: null },
    } as unknown as ProbeResult;
    const steps = stepsFromResult(applyEvent(initialSteps(false), { type: 'step-start', id: 'tcp' }), result);
    expect(steps.map((s) => `${s.id}:${s.state}`)).toEqual([
      'dns:skip',
      'tcp:fail',
      'greeting:skip',
      'ehlo:skip',
      'tls:skip',
      'auth:skip',
    ]);
  });

  it('lists the steps in the order they run: with SSL/TLS the encryption before the greeting', () => {
    expect(initialSteps(false, 'tls', 465).map((s) => s.id)).toEqual([
      'dns',
      'tcp',
      'tls',
      'greeting',
      'ehlo',
      'auth',
    ]);
    expect(initialSteps(false, 'auto', 465).map((s) => s.id)[2]).toBe('tls');
    expect(initialSteps(false, 'starttls', 587).map((s) => s.id)).toEqual([
      'dns',
      'tcp',
      'greeting',
      'ehlo',
      'tls',
      'auth',
    ]);
    // STARTTLS chosen on 465: the engine's follow-up found implicit TLS, which ran first.
    const result = {
      steps: ['dns', 'tcp', 'greeting', 'ehlo', 'tls', 'auth', 'send'].map((id) => ({
        id,
        status: id === 'send' ? 'skip' : 'pass',
        ms: 1,
        summary: { en: id, it: id },
      })),
      request: { host: 'smtps.aruba.it', port: 465, security: 'starttls' },
      server: { securityUsed: 'tls' },
    } as unknown as ProbeResult;
    expect(stepsFromResult(initialSteps(false, 'starttls', 465), result).map((s) => s.id)).toEqual([
      'dns',
      'tcp',
      'tls',
      'greeting',
      'ehlo',
      'auth',
    ]);
  });
});
