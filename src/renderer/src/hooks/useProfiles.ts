import { useCallback, useEffect, useState } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import type { Localized } from '../../../shared/probe-types';
import type { KeychainStatus, Profile, RunRecord } from '../../../shared/profile-types';
import { uiErrorMessage } from '../lib/api';

export interface ProfilesState {
  profiles: Profile[];
  /** Why the profiles file had to be set aside, in both languages; null when all is well. */
  warning: Localized | null;
  /** The last failed call about saved accounts; null when there is none. */
  error: unknown;
  /** The account just signed out of Microsoft, to confirm what happened. */
  signedOut: string | null;
  keychain: KeychainStatus | null;
  /** The last runs of each account, newest first (history:list). */
  history: Record<string, RunRecord[]>;
}

/** Saved accounts and the keychain they rely on: listing, deleting, signing out. */
export function useProfiles(api: MailcheckApi) {
  const [profiles, setProfiles] = useState<Profile[]>([]);
  const [warning, setWarning] = useState<Localized | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [signedOut, setSignedOut] = useState<string | null>(null);
  const [keychain, setKeychain] = useState<KeychainStatus | null>(null);
  const [history, setHistory] = useState<Record<string, RunRecord[]>>({});

  const refresh = useCallback(
    () =>
      Promise.all([
        api.invoke('profiles:list').then(
          (listed) => {
            setProfiles(listed.profiles);
            setWarning(
              listed.warning ? { en: listed.warning, it: listed.warningIt ?? listed.warning } : null,
            );
          },
          (err: unknown) => setError(err),
        ),
        // The history is a convenience: without it the list still shows each account's last result.
        api.invoke('history:list').then(
          (answer) => setHistory(answer.runs),
          () => undefined,
        ),
      ]),
    [api],
  );

  // Start-up: the keychain state and the saved accounts.
  useEffect(() => {
    api.invoke('keychain:status').then(setKeychain, (err: unknown) =>
      setKeychain({
        available: false,
        reason: uiErrorMessage(err, 'en'),
        reasonIt: uiErrorMessage(err, 'it'),
      }),
    );
    void refresh();
  }, [api, refresh]);

  const save = useCallback(
    async (profile: Profile) => {
      try {
        await api.invoke('profiles:save', { profile });
      } catch (err) {
        setError(err);
      }
    },
    [api],
  );

  const remove = useCallback(
    async (p: Profile) => {
      try {
        await api.invoke('profiles:delete', p.name);
        setError(null);
      } catch (err) {
        setError(err);
      }
      void refresh();
    },
    [api, refresh],
  );

  /** Resolves true when the sign-in was removed. */
  const signOut = useCallback(
    async (p: Profile): Promise<boolean> => {
      setSignedOut(null);
      let done = false;
      try {
        await api.invoke('oauth:sign-out', p.name);
        setError(null);
        setSignedOut(p.name);
        done = true;
      } catch (err) {
        setError(err);
      }
      void refresh();
      return done;
    },
    [api, refresh],
  );

  const state: ProfilesState = { profiles, warning, error, signedOut, keychain, history };
  return { state, refresh, save, remove, signOut, setKeychain, setSignedOut };
}
