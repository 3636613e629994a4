import { useState, type ReactNode } from 'react';
import type { MailcheckApi } from '../../shared/api';
import type { RunProbeInput } from '../../shared/ipc';
import type { Lang } from '../../shared/probe-types';
import type { Profile } from '../../shared/profile-types';
import { getProvider } from '../../shared/providers';
import { AccountScreen } from './components/AccountScreen';
import type { GuideTarget } from './components/DiagnosisPanel';
import { GuideScreen } from './components/GuideScreen';
import { LanguageSwitch } from './components/LanguageSwitch';
import { TestScreen } from './components/TestScreen';
import type { Fix } from './lib/fixes';
import { useLang } from './hooks/useLang';
import { useProfiles } from './hooks/useProfiles';
import { useRun } from './hooks/useRun';
import { useSignIn } from './hooks/useSignIn';
import { I18nContext } from './i18n/context';
import { ApiContext } from './lib/api';
import {
  buildRunInput,
  EMPTY_FORM,
  formForTrying,
  formFromProfile,
  newRunId,
  profileFromForm,
  usageOfForm,
  withClientId,
  type AccountForm,
} from './lib/form';

/** A guide at a step; no guide id: the list of guides (the provider has none of its own). */
type Screen =
  { kind: 'account' } | { kind: 'test' } | { kind: 'guide'; guideId: string | null; stepId: string | null };

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

/**
 * The window: navigation between the Account, Test and Guide screens. Each feature's state lives
 * in its own hook (hooks/); this component only wires them together.
 */
export function App({ api, initialLang = 'en' }: { api: MailcheckApi; initialLang?: Lang }) {
  const { i18n, setLang, info } = useLang(api, initialLang);
  const msClientId = info?.msClientId ?? null;
  const { t, lang } = i18n;
  const [screen, setScreen] = useState<Screen>({ kind: 'account' });
  const [form, setForm] = useState<AccountForm>(EMPTY_FORM);
  const profiles = useProfiles(api);
  const { refresh: refreshProfiles, setKeychain, setSignedOut } = profiles;
  const keychainState = { available: profiles.state.keychain?.available !== false };

  const runs = useRun(api, { onFinished: () => void refreshProfiles(), onKeychainLost: setKeychain });
  const signIn = useSignIn(
    api,
    form,
    setForm,
    { onStart: () => setSignedOut(null), onSettled: () => void refreshProfiles() },
    msClientId,
  );

  const startRun = (input: RunProbeInput, from: AccountForm) => {
    setScreen({ kind: 'test' });
    return runs.start(input, { providerId: from.providerId, usage: usageOfForm(from) });
  };

  /** The preset a way-out button loaded, shown on the Account screen until the form is used. */
  const [trying, setTrying] = useState<string | null>(null);
  /** Where the Account screen puts focus when a fix sends the user there. */
  const [intent, setIntent] = useState<'sign-in' | null>(null);
  const tryPreset = (presetId: string) => {
    setForm((f) => formForTrying(f, presetId));
    setTrying(presetId);
    setIntent(null);
    setScreen({ kind: 'account' });
  };

  const runForm = async () => {
    const input = buildRunInput(form, newRunId(), keychainState);
    // The settings are saved before the test (so an OAuth or saved-password run finds its profile,
    // and the email and provider are kept); a typed password to keep travels with saveAs, which
    // stores it in the keychain after the test.
    if (form.saveProfile) await profiles.save(profileFromForm(withClientId(form, msClientId)));
    setTrying(null);
    setIntent(null);
    await startRun(input, form);
  };

  const rerunProfile = (p: Profile) => {
    const loaded = formFromProfile(p);
    setForm(loaded);
    void startRun(buildRunInput(loaded, newRunId(), keychainState), loaded);
  };

  /** A failure screen's one-click fix: the form follows, so the Account screen shows what ran. */
  const applyFix = (fix: Fix) => {
    if (fix.kind === 'security') {
      setForm((f) => ({ ...f, security: fix.security, port: String(fix.port) }));
      runs.again({ security: fix.security, port: fix.port });
    } else if (fix.kind === 'host') {
      setForm((f) => ({ ...f, host: fix.host }));
      runs.again({ host: fix.host });
    } else if (fix.kind === 'sign-in') {
      setForm((f) => ({
        ...f,
        authMethod: 'oauth2',
        saveProfile: true,
        profileName: f.profileName.trim() || f.email.trim(),
      }));
      setIntent('sign-in');
      setScreen({ kind: 'account' });
    }
  };

  const signOut = async (p: Profile) => {
    // "Signed in as …" no longer holds for this account.
    if ((await profiles.signOut(p)) && form.profileName.trim() === p.name) signIn.reset();
  };

  const openGuide = (target: GuideTarget) =>
    setScreen({ kind: 'guide', guideId: target.guideId, stepId: target.stepId });

  // The Guide tab opens the current provider's guide (at its step), else the list of guides.
  const provider = getProvider(form.providerId);
  const navGuide: Screen = {
    kind: 'guide',
    guideId: provider?.guideId ?? null,
    stepId: provider?.guideStepId ?? null,
  };
  const { run } = runs;

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
              onClick={() => setScreen(navGuide)}
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
              keychain={profiles.state.keychain}
              profiles={profiles.state.profiles}
              history={profiles.state.history}
              profilesWarning={profiles.state.warning ? profiles.state.warning[lang] : null}
              profilesError={profiles.state.error}
              signedOut={profiles.state.signedOut}
              signIn={signIn.controls}
              onRun={() => void runForm()}
              onRerun={rerunProfile}
              onEdit={(p) => setForm(formFromProfile(p))}
              onDelete={(p) => void profiles.remove(p)}
              onSignOut={(p) => void signOut(p)}
              onOpenGuide={(guideId) => setScreen({ kind: 'guide', guideId, stepId: null })}
              onOpenGuideStep={openGuide}
              trying={trying}
              msClientId={msClientId}
              focusSignIn={intent === 'sign-in'}
            />
          )}
          {screen.kind === 'test' && run && (
            <TestScreen
              run={run}
              onStop={runs.stop}
              onBack={() => setScreen({ kind: 'account' })}
              onAgain={() => runs.again()}
              onOpenGuide={openGuide}
              onRetryWithoutSaving={runs.retryWithoutSaving}
              onTryPreset={tryPreset}
              onFix={applyFix}
            />
          )}
          {screen.kind === 'guide' && (
            <GuideScreen
              guideId={screen.guideId}
              stepId={screen.stepId}
              onBack={() => setScreen(run ? { kind: 'test' } : { kind: 'account' })}
              onGoToStep={(guideId, stepId) => setScreen({ kind: 'guide', guideId, stepId })}
              onOpenGuide={openGuide}
              onTryPreset={tryPreset}
              signIn={signIn.controls}
            />
          )}
        </main>
      </I18nContext.Provider>
    </ApiContext.Provider>
  );
}
