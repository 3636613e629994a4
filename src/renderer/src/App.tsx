import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MailcheckApi } from '../../shared/api';
import type { OAuthFlow, RunProbeInput } from '../../shared/ipc';
import type { Lang } from '../../shared/probe-types';
import type { KeychainStatus, Profile } from '../../shared/profile-types';
import { getProvider } from '../../shared/providers';
import { AccountScreen } from './components/AccountScreen';
import type { GuideTarget } from './components/DiagnosisPanel';
import { GuideScreen } from './components/GuideScreen';
import { LanguageSwitch } from './components/LanguageSwitch';
import { TestScreen, type RunState } from './components/TestScreen';
import { I18nContext, makeI18n } from './i18n/context';
import { decodeIpcError } from '../../shared/ipc-error';
import { ApiContext, uiErrorMessage } from './lib/api';
import {
  buildRunInput,
  EMPTY_FORM,
  formFromProfile,
  newRunId,
  profileFromForm,
  type AccountForm,
} from './lib/form';
import { SIGN_IN_IDLE, withDeviceCode, type SignInControls, type SignInState } from './lib/sign-in';
import { applyEvent, initialSteps, stepsFromResult } from './lib/steps';

/** Main refuses a run that would lose the password it was asked to save (no keychain). */
const KEYCHAIN_UNAVAILABLE_CODE = 'KEYCHAIN_UNAVAILABLE';

type Screen =
  { kind: 'account' } | { kind: 'test' } | { kind: 'guide'; guideId: string; stepId: string | null };

/** The guide shown from the navigation bar: the current provider's, else the first one. */
const DEFAULT_GUIDE_ID = 'outlook';

/** A navigation bar entry; the current screen's entry says so to screen readers. */
function NavButton({
  current,
  disabled,
  onClick,
  testId,
  children,
}: {
  current: boolean;
  disabled?: boolean;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-current={current ? 'page' : undefined}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
    >
      {children}
    </button>
  );
}

export function App({ api, initialLang = 'en' }: { api: MailcheckApi; initialLang?: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;
  const [screen, setScreen] = useState<Screen>({ kind: 'account' });
  const [form, setForm] = useState<AccountForm>(EMPTY_FORM);
  const [keychain, setKeychain] = useState<KeychainStatus | null>(null);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [profilesWarning, setProfilesWarning] = useState<{ en: string; it: string } | null>(null);
  /** The last failed call about saved accounts; null when there is none. */
  const [profilesError, setProfilesError] = useState<unknown>(null);
  const [signedOut, setSignedOut] = useState<string | null>(null);
  const [run, setRun] = useState<RunState | null>(null);
  const [signIn, setSignIn] = useState<SignInState>(SIGN_IN_IDLE);
  const lastRunInput = useRef<RunProbeInput | null>(null);
  /** The run refused for want of a keychain, kept (with its typed password, in memory) for a retry. */
  const refusedRunInput = useRef<RunProbeInput | null>(null);
  /** Counts sign-in attempts: a superseded attempt (cancelled, or replaced by the code flow) says nothing. */
  const signInAttempt = useRef(0);

  const refreshProfiles = useCallback(async () => {
    try {
      const listed = await api.invoke('profiles:list');
      setProfiles(listed.profiles);
      setProfilesWarning(
        listed.warning ? { en: listed.warning, it: listed.warningIt ?? listed.warning } : null,
      );
    } catch (err) {
      setProfilesError(err);
    }
  }, [api]);

  // Start-up: the OS language, the keychain state and the saved accounts.
  useEffect(() => {
    api.invoke('app:info').then(
      (info) => setLang(info.locale),
      () => undefined,
    );
    api.invoke('keychain:status').then(setKeychain, (err: unknown) =>
      setKeychain({
        available: false,
        reason: uiErrorMessage(err, 'en'),
        reasonIt: uiErrorMessage(err, 'it'),
      }),
    );
    void refreshProfiles();
  }, [api, refreshProfiles]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  // A device-code sign-in waits: show its code (only for the sign-in still pending).
  useEffect(() => api.on('oauth:device-code', (code) => setSignIn((s) => withDeviceCode(s, code))), [api]);

  // Live progress: only events of the current run, and only until its result has arrived.
  useEffect(
    () =>
      api.on('probe:progress', ({ runId, event }) => {
        setRun((r) =>
          r && r.runId === runId && !r.result ? { ...r, steps: applyEvent(r.steps, event) } : r,
        );
      }),
    [api],
  );

  const startRun = useCallback(
    async (input: RunProbeInput) => {
      // A refused run is offered again only until the next run starts: its password goes with it.
      refusedRunInput.current = null;
      // "Test again" must not save the password a second time.
      const { saveAs: _saveAs, ...again } = input;
      lastRunInput.current = again;
      setRun({
        runId: input.runId,
        host: input.request.host,
        port: input.request.port,
        steps: initialSteps(Boolean(input.request.send)),
        result: null,
        error: null,
      });
      setScreen({ kind: 'test' });
      try {
        const result = await api.invoke('probe:run', input);
        setRun((r) =>
          r && r.runId === input.runId ? { ...r, result, steps: stepsFromResult(r.steps, result) } : r,
        );
      } catch (cause) {
        const payload = decodeIpcError(cause);
        const keychainRefused =
          payload?.code === KEYCHAIN_UNAVAILABLE_CODE &&
          Boolean(input.saveAs) &&
          input.savePassword !== false;
        if (keychainRefused && payload) {
          // The keychain went away after start-up: the form now says so, and the same test can run
          // saving the settings only.
          refusedRunInput.current = input;
          setKeychain({ available: false, reason: payload.en, reasonIt: payload.it });
        }
        setRun((r) =>
          r && r.runId === input.runId
            ? { ...r, error: { cause, canRetryWithoutSaving: keychainRefused } }
            : r,
        );
      }
      void refreshProfiles();
    },
    [api, refreshProfiles],
  );

  const retryWithoutSaving = useCallback(() => {
    const refused = refusedRunInput.current;
    if (refused) void startRun({ ...refused, runId: newRunId(), savePassword: false });
  }, [startRun]);

  const keychainState = useMemo(() => ({ available: keychain?.available !== false }), [keychain]);

  const runForm = useCallback(async () => {
    const input = buildRunInput(form, newRunId(), keychainState);
    // The settings are saved before the test (so an OAuth or saved-password run finds its profile,
    // and the email and provider are kept); a typed password to keep travels with saveAs, which
    // stores it in the keychain after the test.
    if (form.saveProfile) {
      try {
        await api.invoke('profiles:save', { profile: profileFromForm(form) });
      } catch (err) {
        setProfilesError(err);
      }
    }
    await startRun(input);
  }, [api, form, keychainState, startRun]);

  const rerunProfile = useCallback(
    (p: Profile) => {
      const loaded = formFromProfile(p);
      setForm(loaded);
      void startRun(buildRunInput(loaded, newRunId(), keychainState));
    },
    [keychainState, startRun],
  );

  const deleteProfile = useCallback(
    async (p: Profile) => {
      try {
        await api.invoke('profiles:delete', p.name);
        setProfilesError(null);
      } catch (err) {
        setProfilesError(err);
      }
      void refreshProfiles();
    },
    [api, refreshProfiles],
  );

  const signOut = useCallback(
    async (p: Profile) => {
      setSignedOut(null);
      try {
        await api.invoke('oauth:sign-out', p.name);
        setProfilesError(null);
        setSignedOut(p.name);
        // "Signed in as …" no longer holds for this account.
        if (form.profileName.trim() === p.name) setSignIn(SIGN_IN_IDLE);
      } catch (err) {
        setProfilesError(err);
      }
      void refreshProfiles();
    },
    [api, form.profileName, refreshProfiles],
  );

  const runId = run?.runId;
  const stop = useCallback(() => {
    if (runId) void api.invoke('probe:cancel', runId).catch(() => undefined);
  }, [api, runId]);

  const again = useCallback(() => {
    const last = lastRunInput.current;
    if (last) void startRun({ ...last, runId: newRunId() });
  }, [startRun]);

  const signInWithMicrosoft = useCallback(
    async (flow: OAuthFlow = 'browser') => {
      const profileName = form.profileName.trim();
      const clientId = form.oauthClientId.trim();
      const attempt = ++signInAttempt.current;
      if (!profileName || !clientId) {
        setSignIn({
          phase: 'missing',
          key: profileName ? 'account.signInNeedsClientId' : 'guide.signInNeedsProfile',
        });
        return;
      }
      setSignedOut(null);
      setSignIn({ phase: 'pending', flow, profileName, device: null });
      try {
        const oauthForm: AccountForm = { ...form, authMethod: 'oauth2', saveProfile: true, profileName };
        await api.invoke('profiles:save', { profile: profileFromForm(oauthForm) });
        // A new sign-in replaces a pending one in main (e.g. "Use a code instead" after the browser).
        const { user } = await api.invoke('oauth:sign-in', {
          profileName,
          clientId,
          tenant: oauthForm.oauthTenant.trim() || 'consumers',
          flow,
        });
        if (attempt !== signInAttempt.current) return;
        // From the form as it is now: what was typed while the sign-in waited stays.
        setForm((f) => ({
          ...f,
          authMethod: 'oauth2',
          saveProfile: true,
          profileName,
          user,
          loadedProfile: profileName,
        }));
        setSignIn({ phase: 'done', user });
      } catch (error) {
        if (attempt === signInAttempt.current) setSignIn({ phase: 'failed', error });
      } finally {
        // The account was saved either way.
        void refreshProfiles();
      }
    },
    [api, form, refreshProfiles],
  );

  const cancelSignIn = useCallback(async () => {
    // The pending oauth:sign-in then fails with the oauth.cancelled diagnosis, shown as its outcome.
    try {
      await api.invoke('oauth:cancel-sign-in');
    } catch (error) {
      signInAttempt.current += 1;
      setSignIn({ phase: 'failed', error });
    }
  }, [api]);

  const openGuide = useCallback((target: GuideTarget) => {
    setScreen({ kind: 'guide', guideId: target.guideId, stepId: target.stepId });
  }, []);

  // One sign-in, shown alike on the Account screen and in the guide.
  const signInControls: SignInControls = {
    state: signIn,
    onSignIn: (flow) => void signInWithMicrosoft(flow),
    onCancel: () => void cancelSignIn(),
  };

  const navGuideId = getProvider(form.providerId)?.guideId ?? DEFAULT_GUIDE_ID;

  return (
    <ApiContext.Provider value={api}>
      <I18nContext.Provider value={i18n}>
        <header className="app-header">
          <div className="brand">
            <h1>{t('app.title')}</h1>
            <p className="tagline">{t('app.tagline')}</p>
          </div>
          <nav aria-label={t('nav.label')} className="nav">
            <NavButton
              current={screen.kind === 'account'}
              onClick={() => setScreen({ kind: 'account' })}
              testId="nav-account"
            >
              {t('nav.account')}
            </NavButton>
            <NavButton
              current={screen.kind === 'test'}
              disabled={!run}
              onClick={() => setScreen({ kind: 'test' })}
              testId="nav-test"
            >
              {t('nav.test')}
            </NavButton>
            <NavButton
              current={screen.kind === 'guide'}
              onClick={() => setScreen({ kind: 'guide', guideId: navGuideId, stepId: null })}
              testId="nav-guide"
            >
              {t('nav.guide')}
            </NavButton>
          </nav>
          <LanguageSwitch onChange={setLang} />
        </header>
        <main id="main">
          {screen.kind === 'account' && (
            <AccountScreen
              form={form}
              onChange={setForm}
              keychain={keychain}
              profiles={profiles}
              profilesWarning={profilesWarning ? profilesWarning[lang] : null}
              profilesError={profilesError}
              signedOut={signedOut}
              signIn={signInControls}
              onRun={() => void runForm()}
              onRerun={rerunProfile}
              onEdit={(p) => setForm(formFromProfile(p))}
              onDelete={(p) => void deleteProfile(p)}
              onSignOut={(p) => void signOut(p)}
              onOpenGuide={(guideId) => setScreen({ kind: 'guide', guideId, stepId: null })}
              onOpenGuideStep={openGuide}
            />
          )}
          {screen.kind === 'test' && run && (
            <TestScreen
              run={run}
              onStop={stop}
              onBack={() => setScreen({ kind: 'account' })}
              onAgain={again}
              onOpenGuide={openGuide}
              onRetryWithoutSaving={retryWithoutSaving}
            />
          )}
          {screen.kind === 'guide' && (
            <GuideScreen
              guideId={screen.guideId}
              stepId={screen.stepId}
              onBack={() => setScreen(run ? { kind: 'test' } : { kind: 'account' })}
              onGoToStep={(stepId) => setScreen({ kind: 'guide', guideId: screen.guideId, stepId })}
              onOpenGuide={openGuide}
              signIn={signInControls}
            />
          )}
        </main>
      </I18nContext.Provider>
    </ApiContext.Provider>
  );
}
