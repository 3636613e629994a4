import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/context';
import type { AccountForm } from '../lib/form';
import type { SignInControls } from '../lib/sign-in';
import type { GuideTarget } from './DiagnosisPanel';
import { Field } from './FormControls';
import { SignInPanel } from './SignInPanel';

/**
 * "Sign in with Microsoft" on the Account screen: the sign-in itself, and under "Advanced" the
 * client id and tenant, which come from the distribution and the preset unless a developer overrides them.
 */
export function OAuthFields({
  form,
  onChange: set,
  signIn,
  msClientId,
  onOpenGuide: onOpenGuideStep,
  focusSignIn,
}: {
  form: AccountForm;
  onChange: (patch: Partial<AccountForm>) => void;
  signIn: SignInControls;
  /** The distribution's client id (app:info), shown as the placeholder of the override. */
  msClientId: string | null;
  onOpenGuide: (target: GuideTarget) => void;
  /** A failure screen's "Sign in with Microsoft" brought the user here: focus the sign-in. */
  focusSignIn: boolean;
}) {
  const { t } = useI18n();
  const oauthRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusSignIn) return;
    const target = oauthRef.current?.querySelector<HTMLElement>('button');
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus();
  }, [focusSignIn]);
  return (
    <div className="oauth" data-testid="oauth-fields" ref={oauthRef}>
      {signIn.available && <p className="muted">{t('account.oauthNote')}</p>}
      <SignInPanel
        signIn={signIn}
        onOpenGuide={onOpenGuideStep}
        buttonLabel="account.signIn"
        buttonTestId="oauth-sign-in"
        statusTestId="oauth-sign-in-status"
      />
      {/* The app registration is the distribution's business: out of the way unless asked for. */}
      <details className="advanced" data-testid="oauth-advanced">
        <summary>{t('account.advanced')}</summary>
        <div className="row">
          <Field label={t('account.oauthClientId')} hint={t('account.oauthClientIdHint')}>
            {(id, hintId) => (
              <input
                id={id}
                value={form.oauthClientId}
                placeholder={msClientId ?? undefined}
                aria-describedby={hintId}
                onChange={(e) => set({ oauthClientId: e.target.value })}
                spellCheck={false}
                data-testid="oauth-client-id"
              />
            )}
          </Field>
          <Field label={t('account.oauthTenant')}>
            {(id) => (
              <input
                id={id}
                value={form.oauthTenant}
                onChange={(e) => set({ oauthTenant: e.target.value })}
                spellCheck={false}
                data-testid="oauth-tenant"
              />
            )}
          </Field>
        </div>
      </details>
    </div>
  );
}
