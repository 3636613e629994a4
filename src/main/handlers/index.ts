/**
 * The main process's answers to every IPC channel (src/shared/ipc.ts). Electron-free: the
 * Electron glue (src/main/ipc) passes in what it needs through MainDeps, and tests and the e2e
 * harness call these handlers directly.
 */
import type { AuthInput, ProbeRequest, ProbeResult } from '../../shared/probe-types';
import type { Profile } from '../../shared/profile-types';
import type { RunProbeInput } from '../../shared/ipc';
import { ProfileStore } from '../../engine/profiles/store';
import { runProbe, validateProbeRequest } from '../../engine/probe';
import { isHttpUrl } from '../ipc/schemas';
import { UserFacingError } from './errors';
import type { MainDeps, MainHandlers } from './types';

export type { MainDeps, MainHandlers, MainOAuth } from './types';
export { UserFacingError, toIpcError, isUserFacing, UNEXPECTED_ERROR_MESSAGE } from './errors';

export function createMainHandlers(deps: MainDeps): MainHandlers {
  const profiles = new ProfileStore(deps.profilesFile);
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
  async function savedAuth(profile: Profile, typedUser: string | undefined): Promise<AuthInput | undefined> {
    const user = typedUser ?? profile.user;
    if (profile.authMethod === 'none') return undefined;
    if (!user) {
      throw new UserFacingError(`The profile "${profile.name}" has no user name.`, {
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
      const auth = await savedAuth(profile, typed?.user);
      if (auth) request.auth = auth;
      else delete request.auth;
    }
    return validateProbeRequest(request);
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
    await profiles.save(profile);
    if (auth?.method === 'password') await deps.credentials.save(name, auth.password, 'password');
  }

  return {
    async 'app:info'() {
      return deps.appInfo();
    },

    async 'app:open-external'(url) {
      // The schema already checked this; the handler checks again because it is the last door.
      if (!isHttpUrl(url)) {
        throw new UserFacingError('Only http: and https: links can be opened.', {
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
        if (input.saveAs && request.auth?.method === 'password') {
          // Fail before testing rather than lose the password after it.
          const status = await deps.credentials.status();
          if (!status.available) throw new UserFacingError(status.reason, { code: 'KEYCHAIN_UNAVAILABLE' });
        }
        result = await runProbe(request, {
          signal: controller.signal,
          onEvent: (event) => deps.emit('probe:progress', { runId: input.runId, event }),
        });
      } finally {
        runs.delete(input.runId);
      }
      if (!result.cancelled) {
        if (input.saveAs) await saveAfterRun(input, request, result);
        else if (input.profileName) {
          const profile = await profiles.get(input.profileName);
          if (profile) await profiles.save({ ...profile, lastResult: lastResultOf(result) });
        }
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
      await profiles.save(profile);
      if (password === undefined) return { savedSecret: false };
      try {
        await deps.credentials.save(profile.name, password, 'password');
      } catch (error) {
        const why =
          error instanceof Error && error.name === 'KeychainUnavailableError' ? ` ${error.message}` : '';
        throw new UserFacingError(`The profile was saved, but its password could not be stored.${why}`, {
          code: 'KEYCHAIN_UNAVAILABLE',
          messageIt: 'Il profilo è stato salvato, ma non è stato possibile conservarne la password.',
        });
      }
      return { savedSecret: true };
    },

    async 'profiles:delete'(name) {
      await profiles.delete(name);
      // Its secrets go with it (every kind: password and OAuth refresh token).
      await deps.credentials.delete(name);
    },

    async 'keychain:status'() {
      return deps.credentials.status();
    },

    async 'oauth:sign-in'(input) {
      return requireOAuth().signIn(input);
    },

    async 'oauth:sign-out'(profileName) {
      await requireOAuth().signOut(profileName);
    },
  };
}

function lastResultOf(result: ProbeResult): NonNullable<Profile['lastResult']> {
  return { ok: result.ok, diagnosisId: result.diagnosis?.id ?? null, at: new Date().toISOString() };
}
