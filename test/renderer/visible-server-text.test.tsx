// @vitest-environment happy-dom
/**
 * The window shows server text through visibleText (issue 9): React escapes markup, but a bidi
 * override (U+202E) or an escape sequence in a greeting, a reply, a mechanism name or the
 * transcript would still reach the page raw and reorder or hide what the user reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DiagnosisPanel } from '../../src/renderer/src/components/DiagnosisPanel';
import { ProfilesList } from '../../src/renderer/src/components/ProfilesList';
import { ResultDetails } from '../../src/renderer/src/components/ResultDetails';
import { StepList } from '../../src/renderer/src/components/StepList';
import { I18nContext, makeI18n } from '../../src/renderer/src/i18n/context';
import { basicDisabledResult } from './results';

afterEach(cleanup);

const EVIL = 'evil\u202etxt.exe \u001b]0;title\u0007 \u2066x\u2069';
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function wrap(node: ReactNode) {
  render(<I18nContext.Provider value={makeI18n('en')}>{node}</I18nContext.Provider>);
}

describe('server text in the window', () => {
  it('the diagnosis reply shows bidi and escape characters as visible escapes', () => {
    const diagnosis = { ...basicDisabledResult().diagnosis!, reply: `535 ${EVIL}` };
    wrap(<DiagnosisPanel diagnosis={diagnosis} onOpenGuide={() => undefined} />);
    const text = screen.getByTestId('diagnosis').textContent ?? '';
    expect(text).not.toMatch(RAW);
    expect(text).toContain('evil\\u202Etxt.exe');
  });

  it('details (capabilities, mechanisms, transcript) and step summaries too', () => {
    const result = basicDisabledResult();
    result.server.capabilities = [`AUTH ${EVIL}`];
    result.server.authMechanisms = [EVIL];
    result.transcript = [{ t: 1, dir: 'server', text: `220 ${EVIL}` }];
    wrap(
      <>
        <ResultDetails result={result} />
        <StepList steps={[{ id: 'greeting', state: 'pass', ms: 5, summary: { en: EVIL, it: EVIL } }]} />
      </>,
    );
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(RAW);
    expect(text).toContain('\\x1B]0;title\\x07');
  });

  it('a profile name with a bidi override (a hand-edited profiles file) is shown escaped', () => {
    const noop = () => undefined;
    wrap(
      <ProfilesList
        profiles={[
          {
            name: `Ufficio${EVIL}`,
            host: 'smtp.example.it',
            port: 587,
            security: 'starttls',
            authMethod: 'password',
            updatedAt: '2026-12-02T10:00:00.000Z',
          },
        ]}
        warning={null}
        error={null}
        signedOut={null}
        onRerun={noop}
        onEdit={noop}
        onDelete={noop}
        onSignOut={noop}
        onOpenGuide={noop}
      />,
    );
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(RAW);
    expect(text).toContain('Ufficioevil\\u202Etxt.exe');
  });
});
