import { useEffect, useRef, useState } from 'react';
import { renderDiagnosis } from '../../../shared/diagnoses';
import type { Lang } from '../../../shared/probe-types';
import type { Profile, RunRecord } from '../../../shared/profile-types';
import { useI18n, type I18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { formatDateTime } from '../lib/dates';
import type { GuideTarget } from './DiagnosisPanel';
import { IpcErrorView } from './IpcErrorView';

/** A run's outcome in words: "working", or "failed: <diagnosis title>". */
function outcomeText(run: { ok: boolean; diagnosisId: string | null }, t: I18n['t'], lang: Lang): string {
  if (run.ok) return t('profiles.outcomeOk');
  if (!run.diagnosisId) return t('profiles.outcomeFail');
  const { title } = renderDiagnosis({ id: run.diagnosisId, step: 'auth', reply: null, params: {} }, lang);
  return t('profiles.outcomeFailWith', { title });
}

/** What leaves the system keychain when this account is deleted. */
function keychainWords(p: Profile): MessageKey {
  if (p.authMethod === 'oauth2') return 'profiles.deleteSecretOAuth';
  if (p.authMethod === 'password') return 'profiles.deleteSecretPassword';
  return 'profiles.deleteSecretNone';
}

/** Saved accounts: one click reruns the test with the secret kept in the keychain. */
export function ProfilesList({
  profiles,
  history = {},
  warning,
  error,
  signedOut,
  onRerun,
  onEdit,
  onDelete,
  onSignOut,
  onOpenGuide,
}: {
  profiles: Profile[];
  /** The last runs of each account, newest first. */
  history?: Record<string, RunRecord[]>;
  /** From the profile store (e.g. a damaged file moved aside). */
  warning: string | null;
  /** The last failed call on this list (save, delete, sign out…), rendered in the current language. */
  error: unknown;
  /** The account just signed out of Microsoft, to confirm what happened. */
  signedOut: string | null;
  onRerun: (p: Profile) => void;
  onEdit: (p: Profile) => void;
  onDelete: (p: Profile) => void;
  onSignOut: (p: Profile) => void;
  onOpenGuide: (target: GuideTarget) => void;
}) {
  const { t, lang } = useI18n();
  const anyOAuth = profiles.some((p) => p.authMethod === 'oauth2');
  /** The account whose deletion waits for a confirmation. */
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [confirming]);
  return (
    <section className="card profiles" aria-labelledby="profiles-heading" data-testid="profiles">
      <h2 id="profiles-heading">{t('profiles.heading')}</h2>
      {warning && (
        <p className="warning" role="alert">
          {warning}
        </p>
      )}
      {error !== null && <IpcErrorView error={error} onOpenGuide={onOpenGuide} testId="profiles-error" />}
      {signedOut && (
        <p className="notice-inline" role="status" data-testid="signed-out">
          {t('profiles.signedOut', { name: signedOut })}
        </p>
      )}
      {profiles.length === 0 ? (
        <p className="muted">{t('profiles.empty')}</p>
      ) : (
        <ul>
          {profiles.map((p) => {
            const runs = history[p.name] ?? [];
            const last = runs[0] ?? p.lastResult ?? null;
            const earlier = runs.slice(1);
            return (
              <li key={p.name} data-profile={p.name}>
                <div className="profile-text">
                  <strong>{p.name}</strong>
                  <span className="muted">
                    {p.host}:{p.port}
                  </span>
                  {p.authMethod === 'oauth2' && <span className="muted small">{t('profiles.oauth')}</span>}
                  <span className={last ? (last.ok ? 'ok' : 'bad') : 'muted'} data-testid="last-run">
                    {last
                      ? t('profiles.lastRun', {
                          date: formatDateTime(last.at, lang),
                          outcome: outcomeText(last, t, lang),
                        })
                      : t('profiles.never')}
                  </span>
                  {earlier.length > 0 && (
                    <details className="history" data-testid="history">
                      <summary>{t('profiles.history', { count: earlier.length })}</summary>
                      <ol>
                        {earlier.map((run) => (
                          <li key={run.at} className={run.ok ? 'ok' : 'bad'}>
                            {formatDateTime(run.at, lang)}: {outcomeText(run, t, lang)}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </div>
                <div className="profile-actions">
                  <button
                    type="button"
                    className="primary"
                    onClick={() => onRerun(p)}
                    aria-label={t('profiles.rerunLabel', { name: p.name })}
                    data-testid="rerun"
                  >
                    {t('profiles.rerun')}
                  </button>
                  <button
                    type="button"
                    onClick={() => onEdit(p)}
                    aria-label={t('profiles.editLabel', { name: p.name })}
                  >
                    {t('profiles.edit')}
                  </button>
                  {p.authMethod === 'oauth2' && (
                    <button
                      type="button"
                      onClick={() => onSignOut(p)}
                      aria-label={t('profiles.signOutLabel', { name: p.name })}
                      aria-describedby="profiles-sign-out-hint"
                      data-testid="sign-out"
                    >
                      {t('profiles.signOut')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="danger"
                    onClick={() => setConfirming(p.name)}
                    aria-label={t('profiles.deleteLabel', { name: p.name })}
                    aria-expanded={confirming === p.name}
                    data-testid="delete"
                  >
                    {t('profiles.delete')}
                  </button>
                </div>
                {confirming === p.name && (
                  <div
                    className="confirm"
                    role="alertdialog"
                    aria-labelledby={`confirm-${p.name}`}
                    ref={confirmRef}
                    data-testid="delete-confirmation"
                  >
                    <p id={`confirm-${p.name}`}>
                      {t('profiles.deleteConfirm', { name: p.name, secret: t(keychainWords(p)) })}
                    </p>
                    <div className="toolbar">
                      <button
                        type="button"
                        className="danger"
                        onClick={() => {
                          setConfirming(null);
                          onDelete(p);
                        }}
                        data-testid="delete-confirm"
                      >
                        {t('profiles.deleteYes', { name: p.name })}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)} data-testid="delete-cancel">
                        {t('profiles.deleteNo')}
                      </button>
                    </div>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {anyOAuth && (
        <p id="profiles-sign-out-hint" className="muted small">
          {t('profiles.signOutHint')}
        </p>
      )}
    </section>
  );
}
