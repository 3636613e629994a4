import { useEffect, useRef, useState } from 'react';
import { useI18n, type I18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { uiErrorMessage, useApi } from '../lib/api';
import type { DeviceCode, SignInControls, SignInState } from '../lib/sign-in';
import { OAUTH_DOCS_URL } from '../../../shared/docs-links';
import { CopyButton } from './CopyButton';
import type { GuideTarget } from './DiagnosisPanel';
import { IpcErrorView } from './IpcErrorView';

/**
 * "Sign in with Microsoft" and everything around it: while the sign-in waits, Cancel and "Use a
 * code instead" (the device-code flow, for when the browser redirect cannot come back); the code
 * and its address once main has one; the outcome, with the catalogue's diagnosis on failure.
 */
export function SignInPanel({
  signIn: { available, state, onSignIn, onCancel },
  onOpenGuide,
  buttonLabel,
  buttonTestId,
  statusTestId,
}: {
  signIn: SignInControls;
  onOpenGuide: (target: GuideTarget) => void;
  buttonLabel: MessageKey;
  buttonTestId: string;
  statusTestId: string;
}) {
  const { t } = useI18n();
  const pending = state.phase === 'pending' ? state : null;
  const pendingControls = useRef<HTMLDivElement>(null);
  // The sign-in button gives way to Cancel / "Use a code instead": keep keyboard focus in the panel.
  const pendingFlow = pending?.flow;
  useEffect(() => {
    if (pendingFlow && (document.activeElement === null || document.activeElement === document.body)) {
      pendingControls.current?.querySelector('button')?.focus();
    }
  }, [pendingFlow]);
  if (!available) return <NotConfigured />;
  return (
    <div className="sign-in" data-testid="sign-in" data-phase={state.phase}>
      {!pending && (
        <button
          type="button"
          className="primary"
          onClick={() => onSignIn('browser')}
          data-testid={buttonTestId}
        >
          {t(buttonLabel)}
        </button>
      )}
      <p role="status" className="feedback" data-testid={statusTestId}>
        {statusText(state, t)}
      </p>
      {pending?.device && <DeviceCodeBox code={pending.device} />}
      {pending && (
        <div className="toolbar" ref={pendingControls}>
          {pending.flow === 'browser' && (
            <button type="button" onClick={() => onSignIn('device')} data-testid="sign-in-use-code">
              {t('signIn.useCode')}
            </button>
          )}
          <button type="button" className="danger" onClick={onCancel} data-testid="sign-in-cancel">
            {t('signIn.cancel')}
          </button>
        </div>
      )}
      {pending?.flow === 'browser' && <p className="muted small">{t('signIn.useCodeHint')}</p>}
      {state.phase === 'failed' && (
        <>
          <IpcErrorView
            error={state.error}
            onOpenGuide={onOpenGuide}
            eyebrow="signIn.failedHeading"
            template="result.actionFailed"
            testId="sign-in-error"
          />
          <div className="toolbar">
            <button type="button" onClick={() => onSignIn('device')} data-testid="sign-in-use-code">
              {t('signIn.useCode')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}

/** No client id: say in one sentence what is missing, and where it is explained (no dead button). */
function NotConfigured() {
  const api = useApi();
  const { t, lang } = useI18n();
  const [openError, setOpenError] = useState<unknown>(null);
  const open = () =>
    api.invoke('app:open-external', OAUTH_DOCS_URL).then(
      () => setOpenError(null),
      (error: unknown) => setOpenError(error),
    );
  return (
    <div className="sign-in" data-testid="oauth-not-configured">
      <p className="notice-inline">
        {t('account.signInNotConfigured')}{' '}
        <button type="button" className="link" onClick={() => void open()} data-testid="oauth-docs-link">
          {t('account.signInDocs')}
        </button>
      </p>
      {openError !== null && (
        <p className="warning" role="alert">
          {t('result.actionFailed', { message: uiErrorMessage(openError, lang) })}
        </p>
      )}
    </div>
  );
}

function statusText(state: SignInState, t: I18n['t']): string {
  switch (state.phase) {
    case 'missing':
      return t(state.key);
    case 'done':
      return t('guide.signInDone', { user: state.user });
    case 'pending':
      if (state.flow === 'browser') return t('guide.signingIn');
      return state.device ? t('signIn.deviceWaiting') : t('signIn.deviceStarting');
    default:
      return '';
  }
}

/** The device code, large and copyable, the address to type it at, and until when it works. */
function DeviceCodeBox({ code }: { code: DeviceCode }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [openError, setOpenError] = useState<unknown>(null);
  const expires = new Date(code.expiresAt).toLocaleTimeString(lang === 'it' ? 'it-IT' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
  });
  const open = async () => {
    try {
      await api.invoke('app:open-external', code.verificationUri);
      setOpenError(null);
    } catch (error) {
      setOpenError(error);
    }
  };
  return (
    <section className="device-code" aria-labelledby="device-code-heading" data-testid="device-code">
      <h3 id="device-code-heading">{t('signIn.deviceHeading')}</h3>
      <ol>
        <li>
          {t('signIn.deviceOpen')}{' '}
          <button type="button" className="link" onClick={() => void open()} data-testid="device-code-link">
            {code.verificationUri}
          </button>
        </li>
        <li>
          {t('signIn.deviceType')}
          <div className="user-code-row">
            <code className="user-code" data-testid="device-user-code">
              {code.userCode}
            </code>
            <CopyButton value={code.userCode} label={t('signIn.copyCode')} />
          </div>
        </li>
      </ol>
      <p className="muted small" data-testid="device-code-expiry">
        {t('signIn.deviceExpires', { time: expires })}
      </p>
      {openError !== null && (
        <p className="warning" role="alert">
          {t('result.actionFailed', { message: uiErrorMessage(openError, lang) })}
        </p>
      )}
    </section>
  );
}
