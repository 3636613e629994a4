/**
 * receive:run and receive:cancel: the incoming server's check (IMAP or POP3), run by the window
 * side by side with probe:run. A saved secret goes only to the profile's own incoming server with
 * its incoming login (the profile's user unless the incoming server names another one).
 */
import type { RunReceiveInput } from '../../shared/ipc';
import type { AuthInput, ReceiveRequest, ReceiveResult } from '../../shared/probe-types';
import type { Profile } from '../../shared/profile-types';
import { runReceiveCheck, validateReceiveRequest } from '../../engine/receive';
import { UserFacingError } from './errors';
import { assertSecretBelongsTo } from './secret-binding';
import type { MainDeps } from './types';

export interface ReceiveHandlerContext {
  deps: MainDeps;
  requireProfile: (name: string) => Promise<Profile>;
  savedAuth: (profile: Profile) => Promise<AuthInput | undefined>;
}

/** The profile as its incoming server sees it: that host, that login (the secret is the account's). */
export function incomingView(profile: Profile): Profile {
  const incoming = profile.incoming;
  if (!incoming) {
    throw new UserFacingError(`The profile "${profile.name}" has no incoming server saved.`, {
      code: 'PROFILE_WITHOUT_INCOMING',
      messageIt: `Il profilo "${profile.name}" non ha un server di posta in arrivo salvato.`,
    });
  }
  const view: Profile = {
    ...profile,
    host: incoming.host,
    authMethod: incoming.authMethod ?? profile.authMethod,
  };
  const user = incoming.user ?? profile.user;
  if (user !== undefined) view.user = user;
  return view;
}

export function createReceiveHandlers(ctx: ReceiveHandlerContext) {
  const { deps } = ctx;
  const runs = new Map<string, AbortController>();

  async function resolve(input: RunReceiveInput): Promise<ReceiveRequest> {
    const request: ReceiveRequest = { ...input.request };
    if (deps.caPem) request.caPem = deps.caPem;
    const typed = input.request.auth;
    const needsSaved = !typed || (typed.method === 'oauth2' && !typed.accessToken);
    if (input.profileName && needsSaved) {
      const view = incomingView(await ctx.requireProfile(input.profileName));
      // Checked before the keychain is read: the saved secret never leaves for another server.
      if (view.authMethod !== 'none') assertSecretBelongsTo(view, { host: request.host, user: typed?.user });
      const auth = await ctx.savedAuth(view);
      if (auth) request.auth = auth;
      else delete request.auth;
    }
    return validateReceiveRequest(request);
  }

  return {
    async 'receive:run'(input: RunReceiveInput): Promise<ReceiveResult> {
      if (runs.has(input.runId)) {
        throw new UserFacingError('A test with this id is already running.', {
          code: 'RUN_ID_IN_USE',
          messageIt: 'Una prova con questo identificativo è già in corso.',
        });
      }
      // Registered before any await, so that a cancel always finds it.
      const controller = new AbortController();
      runs.set(input.runId, controller);
      try {
        const request = await resolve(input);
        return await runReceiveCheck(request, {
          signal: controller.signal,
          onEvent: (event) => deps.emit('receive:progress', { runId: input.runId, event }),
        });
      } finally {
        runs.delete(input.runId);
      }
    },

    async 'receive:cancel'(runId: string): Promise<void> {
      runs.get(runId)?.abort();
    },
  };
}
