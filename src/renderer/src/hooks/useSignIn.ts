import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import type { OAuthFlow } from '../../../shared/ipc';
import { profileFromForm, type AccountForm } from '../lib/form';
import { SIGN_IN_IDLE, withDeviceCode, type SignInControls, type SignInState } from '../lib/sign-in';

/**
 * "Sign in with Microsoft": one sign-in at a time, shown alike on the Account screen and in the
 * guide. Signing in saves the account first (its refresh token is filed under its name).
 */
export function useSignIn(
  api: MailcheckApi,
  form: AccountForm,
  setForm: Dispatch<SetStateAction<AccountForm>>,
  hooks: { onSettled: () => void; onStart: () => void },
  /** The distribution's client id (app:info), used when none is typed under "Advanced". */
  distributionClientId: string | null,
) {
  const [state, setState] = useState<SignInState>(SIGN_IN_IDLE);
  /** Counts sign-in attempts: a superseded attempt (cancelled, or replaced by the code flow) says nothing. */
  const attemptRef = useRef(0);
  const { onSettled, onStart } = hooks;

  // A device-code sign-in waits: show its code (only for the sign-in still pending).
  useEffect(() => api.on('oauth:device-code', (code) => setState((s) => withDeviceCode(s, code))), [api]);

  const signIn = useCallback(
    async (flow: OAuthFlow = 'browser') => {
      const profileName = form.profileName.trim();
      const clientId = form.oauthClientId.trim() || distributionClientId || '';
      const attempt = ++attemptRef.current;
      if (!profileName || !clientId) {
        setState({
          phase: 'missing',
          key: profileName ? 'account.signInNeedsClientId' : 'guide.signInNeedsProfile',
        });
        return;
      }
      onStart();
      setState({ phase: 'pending', flow, profileName, device: null });
      try {
        const oauthForm: AccountForm = {
          ...form,
          authMethod: 'oauth2',
          saveProfile: true,
          profileName,
          oauthClientId: clientId,
        };
        await api.invoke('profiles:save', { profile: profileFromForm(oauthForm) });
        // A new sign-in replaces a pending one in main (e.g. "Use a code instead" after the browser).
        const { user } = await api.invoke('oauth:sign-in', {
          profileName,
          clientId,
          tenant: oauthForm.oauthTenant.trim() || 'consumers',
          flow,
        });
        if (attempt !== attemptRef.current) return;
        // From the form as it is now: what was typed while the sign-in waited stays.
        setForm((f) => ({
          ...f,
          authMethod: 'oauth2',
          saveProfile: true,
          profileName,
          user,
          loadedProfile: profileName,
        }));
        setState({ phase: 'done', user });
      } catch (error) {
        if (attempt === attemptRef.current) setState({ phase: 'failed', error });
      } finally {
        // The account was saved either way.
        onSettled();
      }
    },
    [api, form, setForm, onSettled, onStart, distributionClientId],
  );

  const cancel = useCallback(async () => {
    // The pending oauth:sign-in then fails with the oauth.cancelled diagnosis, shown as its outcome.
    try {
      await api.invoke('oauth:cancel-sign-in');
    } catch (error) {
      attemptRef.current += 1;
      setState({ phase: 'failed', error });
    }
  }, [api]);

  const reset = useCallback(() => setState(SIGN_IN_IDLE), []);

  const controls: SignInControls = {
    available: Boolean(form.oauthClientId.trim() || distributionClientId),
    state,
    onSignIn: (flow) => void signIn(flow),
    onCancel: () => void cancel(),
  };
  return { controls, reset };
}
