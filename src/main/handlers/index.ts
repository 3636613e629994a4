/**
 * The main process's answers to every IPC channel (src/shared/ipc.ts). Electron-free: the
 * Electron glue (src/main/ipc) passes in what it needs through MainDeps, and tests and the e2e
 * harness call these handlers directly.
 */
import type { AuthInput, ProbeRequest, ProbeResult } from '../../shared/probe-types';
import type { Profile } from '../../shared/profile-types';
import type { RunProbeInput } from '../../shared/ipc';
import { ProfileStore } from '../../engine/profiles/store';
import { HistoryStore, historyFileFor } from '../../engine/profiles/history';
import { runProbe, validateProbeRequest } from '../../engine/probe';
import { KEYCHAIN_SERVICE, type KeychainUnavailableError } from '../../engine/credentials';
import { isHttpUrl } from '../ipc/schemas';
import { isUserFacing, toIpcErrorPayload, UserFacingError } from './errors';
import { assertSecretBelongsTo, sameHost } from './secret-binding';
import type { MainDeps, MainHandlers } from './types';

export type { MainDeps, MainHandlers, MainOAuth } from './types';
export {
  UserFacingError,
  toIpcError,
  toIpcErrorPayload,
  isUserFacing,
  UNEXPECTED_ERROR_CODE,
  UNEXPECTED_ERROR_MESSAGE,
  UNEXPECTED_ERROR_MESSAGE_IT,
} from './errors';
export { SAVED_SECRET_HOST_MISMATCH } from './secret-binding';

export function createMainHandlers(deps: MainDeps): MainHandlers {
  const profiles = new ProfileStore(deps.profilesFile);
  const history = new HistoryStore(deps.historyFile ?? historyFileFor(deps.profilesFile));
  /** Running probes by runId, so that probe:cancel can stop them. */
  const runs = new Map<string, AbortController>();

  function requireOAuth(): NonNullable<MainDeps['oauth']> {
    if (!deps.oauth) {
      throw new UserFacingError('Sign-in with Microsoft is not configured in this build of Mailcheck.', {
        code: 'OAUTH_NOT_CONFIGURED',
        messageIt: "L'accesso con Microsoft non è configurato in questa versione di Mailcheck.",
      });
    }
    return deps.oauth;
  }

  async function requireProfile(name: string): Promise<Profile> {
    const profile = await profiles.get(name);
    if (!profile) {
      throw new UserFacingError(`There is no saved profile named "${name}".`, {
        code: 'PROFILE_NOT_FOUND',
        messageIt: `Non esiste un profilo salvato con il nome "${name}".`,
      });
    }
    return profile;
  }

  /** The credentials for a saved profile, from the keychain: the secret never visits the renderer. */
  async function savedAuth(profile: Profile): Promise<AuthInput | undefined> {
    // The profile's own user: assertSecretBelongsTo has checked that a typed one is the same.
    const user = profile.user;
    if (profile.authMethod === 'none') return undefined;
    if (!user) {
      throw new UserFacingError(`The profile "${profile.name}" has no user name.`, {
        code: 'PROFILE_WITHOUT_USER',
        messageIt: `Il profilo "${profile.name}" non ha un nome utente.`,
      });
    }
    if (profile.authMethod === 'password') {
      const password = await deps.credentials.read(profile.name, 'password');
      if (password === null) {
        throw new UserFacingError(
          `No password is saved for the profile "${profile.name}". Type it and test again.`,
          {
            code: 'NO_SAVED_PASSWORD',
            messageIt: `Nessuna password salvata per il profilo "${profile.name}". Scrivila e ripeti la prova.`,
          },
        );
      }
      return { method: 'password', user, password };
    }
    const oauth = requireOAuth();
    if (!oauth.tokenProvider || !profile.oauth) {
      throw new UserFacingError(`The profile "${profile.name}" is not signed in with Microsoft.`, {
        code: 'OAUTH_NOT_SIGNED_IN',
        diagnosisId: 'oauth.grant-expired',
        messageIt: `Il profilo "${profile.name}" non ha eseguito l'accesso con Microsoft.`,
      });
    }
    return { method: 'oauth2', user, getAccessToken: oauth.tokenProvider(profile.name, profile.oauth) };
  }

  async function resolveRequest(input: RunProbeInput): Promise<ProbeRequest> {
    const request: ProbeRequest = { ...input.request };
    if (deps.caPem) request.caPem = deps.caPem;
    const typed = input.request.auth;
    const needsSaved = !typed || (typed.method === 'oauth2' && !typed.accessToken);
    if (input.profileName && needsSaved) {
      const profile = await requireProfile(input.profileName);
      // Checked before the keychain is read: a saved secret never leaves for another server.
      if (profile.authMethod !== 'none') {
        assertSecretBelongsTo(profile, { host: request.host, user: typed?.user });
      }
      const auth = await savedAuth(profile);
      if (auth) request.auth = auth;
      else delete request.auth;
    }
    return validateProbeRequest(request);
  }

  /**
   * Saves a profile. When it now points at another server than before, the secrets saved for the
   * old one are removed first (a new password, when one follows, replaces the old), so that a
   * renderer cannot move a saved secret to another server by editing the profile. `before` is the
   * profile as saved now (null when new), which the callers have already read.
   */
  async function saveProfileBound(
    profile: Profile,
    before: Profile | null,
    newPasswordFollows: boolean,
  ): Promise<void> {
    if (before && !sameHost(before.host, profile.host)) {
      try {
        // A Microsoft sign-in always goes: its tokens were meant for the old server only. The
        // OAuth service forgets the access token it keeps in memory first (and then the refresh
        // token), so that not even that one can follow the profile to the new server.
        await deps.oauth?.signOut(profile.name);
        if (newPasswordFollows) await deps.credentials.delete(profile.name, 'oauth-refresh');
        else await deps.credentials.delete(profile.name);
      } catch (error) {
        // Without a keychain nothing can be read either, and the user who continues without one
        // must still be able to edit the profile (issue 3): the settings are saved all the same.
        if (!isKeychainUnavailable(error)) throw error;
      }
    }
    await profiles.save(profile);
  }

  async function saveAfterRun(
    input: RunProbeInput,
    request: ProbeRequest,
    result: ProbeResult,
  ): Promise<void> {
    const name = input.saveAs!;
    const existing = await profiles.get(name);
    const source =
      input.profileName && input.profileName !== name ? await profiles.get(input.profileName) : null;
    const auth = request.auth;
    const profile: Profile = {
      ...(source ?? {}),
      ...(existing ?? {}),
      name,
      host: request.host,
      port: request.port,
      security: request.security,
      authMethod: auth?.method ?? 'none',
      lastResult: lastResultOf(result),
      updatedAt: new Date().toISOString(),
    };
    if (auth) profile.user = auth.user;
    else delete profile.user;
    if (request.send) {
      profile.from = request.send.from;
      profile.to = request.send.to;
    }
    const storePassword = auth?.method === 'password' && input.savePassword !== false;
    await saveProfileBound(profile, existing, storePassword);
    if (storePassword) await deps.credentials.save(name, auth.password, 'password');
  }

  return {
    async 'app:info'() {
      return deps.appInfo();
    },

    async 'app:open-external'(url) {
      // The schema already checked this; the handler checks again because it is the last door.
      if (!isHttpUrl(url)) {
        throw new UserFacingError('Only http: and https: links can be opened.', {
          code: 'LINK_NOT_ALLOWED',
          messageIt: 'Si possono aprire solo collegamenti http: e https:.',
        });
      }
      // Reviewed: http(s) only, checked just above and in the IPC schema.
      await deps.openExternal(new URL(url).href); // eng-disable OPEN_EXTERNAL_JS_CHECK
    },

    async 'clipboard:write'(text) {
      await deps.writeClipboard(text);
    },

    async 'report:save'({ suggestedName, text }) {
      return deps.saveReport(suggestedName, text);
    },

    async 'probe:run'(input) {
      if (runs.has(input.runId)) {
        throw new UserFacingError('A test with this id is already running.', {
          code: 'RUN_ID_IN_USE',
          messageIt: 'Una prova con questo identificativo è già in corso.',
        });
      }
      // Registered before any await, so that the id is taken at once and a cancel always finds it.
      const controller = new AbortController();
      runs.set(input.runId, controller);
      let request: ProbeRequest;
      let result: ProbeResult;
      try {
        request = await resolveRequest(input);
        if (input.saveAs && input.savePassword !== false && request.auth?.method === 'password') {
          // Fail before testing rather than lose the password after it; the window then offers
          // to continue without saving it (savePassword: false).
          const status = await deps.credentials.status();
          if (!status.available) {
            throw new UserFacingError(status.reason, {
              code: 'KEYCHAIN_UNAVAILABLE',
              messageIt: status.reasonIt,
            });
          }
        }
        result = await runProbe(request, {
          signal: controller.signal,
          onEvent: (event) => deps.emit('probe:progress', { runId: input.runId, event }),
        });
      } finally {
        runs.delete(input.runId);
      }
      if (result.cancelled) return result;
      try {
        if (input.saveAs) await saveAfterRun(input, request, result);
        else if (input.profileName) {
          const profile = await profiles.get(input.profileName);
          if (profile) await profiles.save({ ...profile, lastResult: lastResultOf(result) });
        }
        const account = input.saveAs ?? input.profileName;
        if (account && (await profiles.get(account))) await history.record(account, lastResultOf(result));
      } catch (error) {
        // The test itself is done: a failure to save afterwards must not throw its result away.
        const problem = isUserFacing(error)
          ? error
          : new UserFacingError("The account could not be saved in Mailcheck's data folder.", {
              code: 'PROFILE_SAVE_FAILED',
              messageIt: "Non è stato possibile salvare l'account nella cartella dei dati di Mailcheck.",
            });
        return { ...result, saveProblem: toIpcErrorPayload(problem) };
      }
      return result;
    },

    async 'probe:cancel'(runId) {
      runs.get(runId)?.abort();
    },

    async 'profiles:list'() {
      return profiles.list();
    },

    async 'profiles:save'({ profile, password }) {
      await saveProfileBound(profile, await profiles.get(profile.name), password !== undefined);
      if (password === undefined) return { savedSecret: false };
      try {
        await deps.credentials.save(profile.name, password, 'password');
      } catch (error) {
        const unavailable = isKeychainUnavailable(error) ? error : null;
        throw new UserFacingError(
          `The profile was saved, but its password could not be stored.${unavailable ? ` ${unavailable.message}` : ''}`,
          {
            code: 'KEYCHAIN_UNAVAILABLE',
            messageIt: `Il profilo è stato salvato, ma non è stato possibile conservarne la password.${unavailable ? ` ${unavailable.messageIt}` : ''}`,
          },
        );
      }
      return { savedSecret: true };
    },

    async 'profiles:delete'(name) {
      await profiles.delete(name);
      await history.remove(name);
      // Its secrets go with it: a Microsoft sign-in's access token kept in memory (a new profile of
      // the same name must not inherit it), then every kind in the keychain.
      try {
        await deps.oauth?.signOut(name);
        await deps.credentials.delete(name);
      } catch (error) {
        if (!isKeychainUnavailable(error)) throw error;
        // The account is gone from the list already: say exactly what is left and where.
        throw new UserFacingError(
          `The account "${name}" was deleted, but its saved password or sign-in could not be removed from the keychain: ${error.message} Remove it later with your system's keychain tool (service "${KEYCHAIN_SERVICE}").`,
          {
            code: 'PROFILE_DELETED_SECRET_KEPT',
            messageIt: `L'account "${name}" è stato eliminato, ma la password o l'accesso salvati non sono stati tolti dal portachiavi: ${error.messageIt} Rimuovili più tardi con lo strumento del portachiavi del sistema (servizio "${KEYCHAIN_SERVICE}").`,
          },
        );
      }
    },

    async 'history:list'() {
      return { runs: await history.list() };
    },

    async 'keychain:status'() {
      return deps.credentials.status();
    },

    async 'oauth:sign-in'(input) {
      const oauth = requireOAuth();
      const { user } = await oauth.signIn(input, {
        onDeviceCode: (prompt) =>
          deps.emit('oauth:device-code', { profileName: input.profileName, ...prompt }),
      });
      // The refresh token now in the keychain belongs to this address: record it on the profile
      // (when it exists), so that probe:run only ever uses the token for this account.
      const profile = await profiles.get(input.profileName);
      if (profile) {
        await profiles.save({
          ...profile,
          user,
          oauth: { clientId: input.clientId, tenant: input.tenant },
          updatedAt: new Date().toISOString(),
        });
      }
      return { user };
    },

    async 'oauth:cancel-sign-in'() {
      requireOAuth().cancelSignIn();
    },

    async 'oauth:sign-out'(profileName) {
      await requireOAuth().signOut(profileName);
    },
  };
}

/** By name, like isUserFacing: the store may come from another copy of the module (tests, e2e). */
function isKeychainUnavailable(error: unknown): error is KeychainUnavailableError {
  return error instanceof Error && error.name === 'KeychainUnavailableError';
}

function lastResultOf(result: ProbeResult): NonNullable<Profile['lastResult']> {
  return { ok: result.ok, diagnosisId: result.diagnosis?.id ?? null, at: new Date().toISOString() };
}
