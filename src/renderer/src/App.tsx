import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MailcheckApi } from '../../shared/api';
import type { RunProbeInput } from '../../shared/ipc';
import type { Lang } from '../../shared/probe-types';
import type { KeychainStatus, Profile } from '../../shared/profile-types';
import { getProvider } from '../../shared/providers';
import { AccountScreen } from './components/AccountScreen';
import type { GuideTarget } from './components/DiagnosisPanel';
import { GuideScreen } from './components/GuideScreen';
import { LanguageSwitch } from './components/LanguageSwitch';
import { TestScreen, type RunState } from './components/TestScreen';
import { I18nContext, makeI18n } from './i18n/context';
import { ApiContext, errorMessage } from './lib/api';
import {
  buildRunInput,
  EMPTY_FORM,
  formFromProfile,
  newRunId,
  profileFromForm,
  type AccountForm,
} from './lib/form';
import { applyEvent, initialSteps, stepsFromResult } from './lib/steps';

type Screen =
  { kind: 'account' } | { kind: 'test' } | { kind: 'guide'; guideId: string; stepId: string | null };

/** The guide shown from the navigation bar: the current provider's, else the first one. */
const DEFAULT_GUIDE_ID = 'outlook';

export function App({ api, initialLang = 'en' }: { api: MailcheckApi; initialLang?: Lang }) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => makeI18n(lang), [lang]);
  const { t } = i18n;
  const [screen, setScreen] = useState<Screen>({ kind: 'account' });
  const [form, setForm] = useState<AccountForm>(EMPTY_FORM);
  const [keychain, setKeychain] = useState<KeychainStatus | null>(null);
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [profilesWarning, setProfilesWarning] = useState<string | null>(null);
  const [run, setRun] = useState<RunState | null>(null);
  const [signIn, setSignIn] = useState<{ busy: boolean; message: string | null }>({
    busy: false,
    message: null,
  });
  const currentRunId = useRef<string | null>(null);
  const lastRunInput = useRef<RunProbeInput | null>(null);

  const refreshProfiles = useCallback(async () => {
    try {
      const listed = await api.invoke('profiles:list');
      setProfiles(listed.profiles);
      setProfilesWarning(listed.warning ?? null);
    } catch (err) {
      setProfilesWarning(errorMessage(err));
    }
  }, [api]);

  // Start-up: the OS language, the keychain state and the saved accounts.
  useEffect(() => {
    api.invoke('app:info').then(
      (info) => setLang(info.locale),
      () => undefined,
    );
    api
      .invoke('keychain:status')
      .then(setKeychain, (err: unknown) => setKeychain({ available: false, reason: errorMessage(err) }));
    void refreshProfiles();
  }, [api, refreshProfiles]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  // Live progress: only events of the current run, and only until its result has arrived.
  useEffect(
    () =>
      api.on('probe:progress', ({ runId, event }) => {
        if (runId !== currentRunId.current) return;
        setRun((r) =>
          r && r.runId === runId && !r.result ? { ...r, steps: applyEvent(r.steps, event) } : r,
        );
      }),
    [api],
  );

  const startRun = useCallback(
    async (input: RunProbeInput) => {
      currentRunId.current = input.runId;
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
      } catch (err) {
        setRun((r) => (r && r.runId === input.runId ? { ...r, error: errorMessage(err) } : r));
      }
      void refreshProfiles();
    },
    [api, refreshProfiles],
  );

  const runForm = useCallback(async () => {
    const input = buildRunInput(form, newRunId());
    // The settings are saved before the test (so an OAuth or saved-password run finds its profile,
    // and the email and provider are kept); a typed password to keep travels with saveAs, which
    // stores it in the keychain after the test.
    if (form.saveProfile) {
      try {
        await api.invoke('profiles:save', { profile: profileFromForm(form) });
      } catch (err) {
        setProfilesWarning(errorMessage(err));
      }
    }
    await startRun(input);
  }, [api, form, startRun]);

  const rerunProfile = useCallback(
    (p: Profile) => {
      const loaded = formFromProfile(p);
      setForm(loaded);
      void startRun(buildRunInput(loaded, newRunId()));
    },
    [startRun],
  );

  const deleteProfile = useCallback(
    async (p: Profile) => {
      try {
        await api.invoke('profiles:delete', p.name);
      } catch (err) {
        setProfilesWarning(errorMessage(err));
      }
      void refreshProfiles();
    },
    [api, refreshProfiles],
  );

  const stop = useCallback(() => {
    if (currentRunId.current) void api.invoke('probe:cancel', currentRunId.current).catch(() => undefined);
  }, [api]);

  const again = useCallback(() => {
    const last = lastRunInput.current;
    if (last) void startRun({ ...last, runId: newRunId() });
  }, [startRun]);

  const signInWithMicrosoft = useCallback(async () => {
    const profileName = form.profileName.trim();
    const clientId = form.oauthClientId.trim();
    if (!profileName || !clientId) {
      setSignIn({
        busy: false,
        message: t(profileName ? 'account.signInNeedsClientId' : 'guide.signInNeedsProfile'),
      });
      return;
    }
    setSignIn({ busy: true, message: null });
    try {
      const oauthForm: AccountForm = { ...form, authMethod: 'oauth2', saveProfile: true, profileName };
      await api.invoke('profiles:save', { profile: profileFromForm(oauthForm) });
      const { user } = await api.invoke('oauth:sign-in', {
        profileName,
        clientId,
        tenant: oauthForm.oauthTenant.trim() || 'consumers',
      });
      setForm({ ...oauthForm, user, loadedProfile: profileName });
      setSignIn({ busy: false, message: t('guide.signInDone', { user }) });
    } catch (err) {
      setSignIn({ busy: false, message: t('result.actionFailed', { message: errorMessage(err) }) });
    }
    // The account was saved either way.
    void refreshProfiles();
  }, [api, form, refreshProfiles, t]);

  const openGuide = useCallback((target: GuideTarget) => {
    setScreen({ kind: 'guide', guideId: target.guideId, stepId: target.stepId });
  }, []);

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
            <button
              type="button"
              aria-current={screen.kind === 'account' ? 'page' : undefined}
              onClick={() => setScreen({ kind: 'account' })}
              data-testid="nav-account"
            >
              {t('nav.account')}
            </button>
            <button
              type="button"
              aria-current={screen.kind === 'test' ? 'page' : undefined}
              disabled={!run}
              onClick={() => setScreen({ kind: 'test' })}
              data-testid="nav-test"
            >
              {t('nav.test')}
            </button>
            <button
              type="button"
              aria-current={screen.kind === 'guide' ? 'page' : undefined}
              onClick={() => setScreen({ kind: 'guide', guideId: navGuideId, stepId: null })}
              data-testid="nav-guide"
            >
              {t('nav.guide')}
            </button>
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
              profilesWarning={profilesWarning}
              signInMessage={signIn.busy ? t('guide.signingIn') : signIn.message}
              onRun={() => void runForm()}
              onRerun={rerunProfile}
              onEdit={(p) => setForm(formFromProfile(p))}
              onDelete={(p) => void deleteProfile(p)}
              onOpenGuide={(guideId) => setScreen({ kind: 'guide', guideId, stepId: null })}
              onSignIn={() => void signInWithMicrosoft()}
            />
          )}
          {screen.kind === 'test' && run && (
            <TestScreen
              run={run}
              onStop={stop}
              onBack={() => setScreen({ kind: 'account' })}
              onAgain={again}
              onOpenGuide={openGuide}
            />
          )}
          {screen.kind === 'guide' && (
            <GuideScreen
              guideId={screen.guideId}
              stepId={screen.stepId}
              onBack={() => setScreen(run ? { kind: 'test' } : { kind: 'account' })}
              onGoToStep={(stepId) => setScreen({ kind: 'guide', guideId: screen.guideId, stepId })}
              onSignIn={() => void signInWithMicrosoft()}
              signInMessage={signIn.message}
              signingIn={signIn.busy}
            />
          )}
        </main>
      </I18nContext.Provider>
    </ApiContext.Provider>
  );
}
