import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KeychainStatus, Profile, RunRecord } from '../../../shared/profile-types';
import {
  CUSTOM_PROVIDER_ID,
  detectProvider,
  getProvider,
  PROVIDERS,
  providersOfKind,
} from '../../../shared/providers';
import { useI18n } from '../i18n/context';
import type { MessageKey } from '../i18n/messages';
import { usageVerdict } from '../../../shared/usage';
import {
  applyPreset,
  usageOfForm,
  validateForm,
  withEmail,
  withUsage,
  type AccountForm,
  type AuthMethod,
} from '../lib/form';
import type { SignInControls } from '../lib/sign-in';
import { formatDay } from '../lib/dates';
import type { GuideTarget } from './DiagnosisPanel';
import type { DiscoveryControls } from '../hooks/useDiscovery';
import { foundLabels } from '../lib/discovery-form';
import { DiscoveryStatus, FoundLabel } from './DiscoveryField';
import { IncomingSection } from './IncomingSection';
import { ProfilesList } from './ProfilesList';
import { Check, Field } from './FormControls';
import { OAuthFields } from './OAuthFields';
import { SaveFieldset } from './SaveFieldset';
import { ServerFields } from './ServerFields';
import { UsageFieldset } from './UsageFieldset';
import { VerdictBox } from './VerdictBox';
import { PASSWORD_ONLY_GUIDE_ID } from './WayOutPanel';

const AUTH_METHODS: readonly AuthMethod[] = ['password', 'oauth2', 'none'];

/** The fields each form problem is about: marked aria-invalid, the first one focused. */
const PROBLEM_FIELDS: Partial<Record<MessageKey, string[]>> = {
  'account.missingHost': ['host'],
  'account.badPort': ['port'],
  'account.missingProfileName': ['profile-name'],
  'account.missingSend': ['from', 'to'],
};

export function AccountScreen({
  form,
  onChange,
  keychain,
  profiles,
  history = {},
  profilesWarning,
  profilesError,
  signedOut,
  signIn,
  onRun,
  onRerun,
  onEdit,
  onDelete,
  onSignOut,
  onOpenGuide,
  onOpenGuideStep,
  trying = null,
  msClientId = null,
  focusSignIn = false,
  discovery = null,
}: {
  form: AccountForm;
  onChange: (form: AccountForm) => void;
  keychain: KeychainStatus | null;
  profiles: Profile[];
  history?: Record<string, RunRecord[]>;
  profilesWarning: string | null;
  profilesError: unknown;
  signedOut: string | null;
  signIn: SignInControls;
  onRun: () => void;
  onRerun: (p: Profile) => void;
  onEdit: (p: Profile) => void;
  onDelete: (p: Profile) => void;
  onSignOut: (p: Profile) => void;
  onOpenGuide: (guideId: string) => void;
  onOpenGuideStep: (target: GuideTarget) => void;
  /** The preset a way-out button just loaded (or `custom`): say what to fill in. */
  trying?: string | null;
  /** The distribution's Microsoft client id (app:info); null: none configured. */
  msClientId?: string | null;
  /** A failure screen's "Sign in with Microsoft" brought the user here: focus that control. */
  focusSignIn?: boolean;
  /** Finding the servers from the address (useDiscovery); null: not offered. */
  discovery?: DiscoveryControls | null;
}) {
  const { t, l, lang } = useI18n();
  const [problems, setProblems] = useState<MessageKey[]>([]);
  const presetOptions = { signInAvailable: Boolean(msClientId) };
  const verdict = usageVerdict({ providerId: form.providerId, usage: usageOfForm(form) });
  const tryingPreset = trying ? getProvider(trying) : null;
  const emailRef = useRef<HTMLInputElement>(null);
  // A way-out button brought the user here: start where the typing starts.
  useEffect(() => {
    if (trying) emailRef.current?.focus();
  }, [trying]);
  const detected = detectProvider(form.email);
  const preset = getProvider(form.providerId);
  const keychainDown = keychain !== null && !keychain.available;
  const set = (patch: Partial<AccountForm>) => onChange({ ...form, ...patch });
  const answer = discovery?.state.kind === 'done' ? discovery.state.answer : null;
  const found = foundLabels(form, answer);

  const formRef = useRef<HTMLFormElement>(null);
  /** Bumped at each refused submit, so that focus moves to the first invalid field every time. */
  const [refusals, setRefusals] = useState(0);
  const invalid = new Set(problems.flatMap((p) => PROBLEM_FIELDS[p] ?? []));
  const invalidProps = (field: string) =>
    invalid.has(field) ? { 'aria-invalid': true as const, 'aria-errormessage': 'form-problems' } : {};

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateForm(form, { available: !keychainDown });
    setProblems(found);
    if (found.length === 0) onRun();
    else setRefusals((n) => n + 1);
  };

  // A refused submit: focus the first field marked invalid (in the order the form shows them).
  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  // Ctrl+Enter (Cmd+Enter on a Mac) runs the test from anywhere on this screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="screen account-screen" data-testid="account-screen">
      <form className="card" ref={formRef} onSubmit={submit} aria-labelledby="account-heading" noValidate>
        <h2 id="account-heading">{t('account.heading')}</h2>
        {trying && (
          <p className="notice-inline" role="status" data-testid="trying">
            {tryingPreset?.auth.credentials
              ? t('wayOut.trying', { name: tryingPreset.name, credentials: l(tryingPreset.auth.credentials) })
              : tryingPreset
                ? t('wayOut.tryingMailbox', { name: tryingPreset.name })
                : t('wayOut.tryingOther')}
          </p>
        )}

        <Field label={t('account.email')} hint={t('account.emailHint')}>
          {(id, hintId) => (
            <input
              id={id}
              ref={emailRef}
              type="email"
              autoComplete="email"
              aria-describedby={hintId}
              value={form.email}
              onChange={(e) => {
                const next = withEmail(form, e.target.value, presetOptions);
                onChange(next);
                discovery?.onEmailTyped(e.target.value, next);
              }}
              data-testid="email"
            />
          )}
        </Field>
        {discovery && <DiscoveryStatus state={discovery.state} />}

        <Field label={t('account.provider')}>
          {(id) => (
            <select
              id={id}
              value={form.providerId}
              onChange={(e) => onChange(applyPreset(form, getProvider(e.target.value), presetOptions))}
              data-testid="provider"
            >
              {PROVIDERS.filter((p) => p.kind !== 'relay').map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
              <optgroup label={t('account.providerRelays')}>
                {providersOfKind('relay').map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
              <option value={CUSTOM_PROVIDER_ID}>{t('account.providerCustom')}</option>
            </select>
          )}
        </Field>
        <div className="provider-info" aria-live="polite" data-testid="provider-info">
          {detected && <p className="detected">{t('account.providerDetected', { name: detected.name })}</p>}
          {preset && (
            <>
              <p className="muted">{l(preset.auth.notes)}</p>
              {preset.auth.credentials && (
                <p className="muted" data-testid="preset-credentials">
                  {l(preset.auth.credentials)}
                </p>
              )}
              <p className="muted small">
                {t('account.providerSource', { date: formatDay(preset.checked, lang) })}
              </p>
            </>
          )}
          {preset?.auth.oauthRecommended && form.authMethod !== 'oauth2' && !verdict && (
            <p className="notice-inline" data-testid="oauth-recommended">
              {t(preset.id === 'microsoft365' ? 'account.oauthRecommendedM365' : 'account.oauthRecommended')}{' '}
              {preset.guideId && (
                <button
                  type="button"
                  className="link"
                  onClick={() => preset.guideId && onOpenGuide(preset.guideId)}
                >
                  {t('account.openGuide')}
                </button>
              )}
            </p>
          )}
        </div>

        <UsageFieldset
          kind={form.usageKind}
          signIn={form.usageSignIn}
          onChange={(usageKind, usageSignIn) => onChange(withUsage(form, usageKind, usageSignIn))}
        />
        {verdict && (
          <VerdictBox
            verdict={verdict}
            onShowWayOut={() => onOpenGuideStep({ guideId: PASSWORD_ONLY_GUIDE_ID, stepId: 'why' })}
          />
        )}

        <fieldset>
          <legend>{t('account.server')}</legend>
          <ServerFields
            values={form}
            onChange={set}
            labels={{ host: 'account.host', port: 'account.port', security: 'account.security' }}
            invalidProps={invalidProps}
          />
          <FoundLabel setting={found.smtp} provider={answer?.provider ?? null} testId="found-smtp" />
        </fieldset>

        <fieldset>
          <legend>{t('account.authMethod')}</legend>
          <div className="radios" role="radiogroup" aria-label={t('account.authMethod')}>
            {AUTH_METHODS.map((m) => (
              <label key={m} className="radio">
                <input
                  type="radio"
                  name="auth-method"
                  value={m}
                  checked={form.authMethod === m}
                  onChange={() => set({ authMethod: m })}
                  data-testid={`auth-${m}`}
                />
                {t(`auth.${m}`)}
              </label>
            ))}
          </div>
          {form.authMethod !== 'none' && (
            <Field label={t('account.user')}>
              {(id) => (
                <input
                  id={id}
                  value={form.user}
                  onChange={(e) => set({ user: e.target.value })}
                  autoComplete="username"
                  spellCheck={false}
                  data-testid="user"
                />
              )}
            </Field>
          )}
          {form.authMethod === 'password' && (
            <Field
              label={t('account.password')}
              hint={form.loadedProfile ? t('account.passwordSaved') : undefined}
            >
              {(id, hintId) => (
                <input
                  id={id}
                  type="password"
                  autoComplete="off"
                  aria-describedby={hintId}
                  value={form.password}
                  onChange={(e) => set({ password: e.target.value })}
                  data-testid="password"
                />
              )}
            </Field>
          )}
          {form.authMethod === 'oauth2' && (
            <OAuthFields
              form={form}
              onChange={set}
              signIn={signIn}
              msClientId={msClientId}
              onOpenGuide={onOpenGuideStep}
              focusSignIn={focusSignIn}
            />
          )}
        </fieldset>

        <IncomingSection
          incoming={form.incoming}
          accountUser={form.authMethod === 'none' ? '' : form.user}
          onChange={(incoming) => set({ incoming })}
          found={found.incoming}
          provider={answer?.provider ?? null}
        />

        <SaveFieldset form={form} onChange={set} keychain={keychain} invalidProps={invalidProps} />

        <fieldset>
          <legend className="sr-only">{t('account.sendTest')}</legend>
          <Check checked={form.sendTest} onChange={(sendTest) => set({ sendTest })} testId="send-test">
            {t('account.sendTest')}
          </Check>
          {form.sendTest && (
            <div className="row">
              <Field label={t('account.from')}>
                {(id) => (
                  <input
                    id={id}
                    type="email"
                    value={form.from}
                    onChange={(e) => set({ from: e.target.value })}
                    {...invalidProps('from')}
                    data-testid="from"
                  />
                )}
              </Field>
              <Field label={t('account.to')}>
                {(id) => (
                  <input
                    id={id}
                    type="email"
                    value={form.to}
                    onChange={(e) => set({ to: e.target.value })}
                    {...invalidProps('to')}
                    data-testid="to"
                  />
                )}
              </Field>
            </div>
          )}
        </fieldset>

        {problems.length > 0 && (
          <ul id="form-problems" className="problems" role="alert" data-testid="form-problems">
            {problems.map((p) => (
              <li key={p}>{t(p)}</li>
            ))}
          </ul>
        )}
        <button type="submit" className="primary big" data-testid="run">
          {t('account.run')}
        </button>
        <p className="muted small kbd-hint">{t('account.runHint')}</p>
      </form>
      <ProfilesList
        profiles={profiles}
        history={history}
        warning={profilesWarning}
        error={profilesError}
        signedOut={signedOut}
        onRerun={onRerun}
        onEdit={onEdit}
        onDelete={onDelete}
        onSignOut={onSignOut}
        onOpenGuide={onOpenGuideStep}
      />
    </div>
  );
}
