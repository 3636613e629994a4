/**
 * `--auth oauth2` for the CLI: where the XOAUTH2 access token comes from.
 *  1. `--access-token-stdin`: a token someone else obtained, read from stdin (never argv).
 *  2. A sign-in saved in the keychain for `--profile`: refreshed silently.
 *  3. Otherwise a device code: the user opens a Microsoft page and types a short code; with a
 *     profile name the refresh token is kept in the keychain for the next run.
 * Tokens never reach stdout, stderr, argv or a file; OAuth failures become a UsageError that
 * carries the catalogue's words, in the chosen language.
 */
import {
  createTokenProvider,
  getAccessTokenSilently,
  OAuthError,
  PERSONAL_TENANT,
  resolveClientId,
  signInWithDeviceCode,
  type DeviceCodeInfo,
  type OAuthConfig,
  type RefreshTokenStore,
} from '../engine/oauth';
import { OAUTH_DIAGNOSIS_IDS } from '../shared/diagnoses/oauth';
import { renderDiagnosis } from '../shared/diagnoses';
import type { AuthInput, Lang, Localized } from '../shared/probe-types';
import { describeKeychainError, openKeychain } from './keychain';
import { langFromEnv } from './lang';
import { readSecretLine, SecretInputTimedOut } from './read-secret';
import { UsageError } from './usage-error';

/** Sign-in host override for end-to-end tests against a local server (https, or http on loopback). */
const AUTHORITY_HOST_ENV = 'MAILCHECK_MS_AUTHORITY_HOST';

export interface ResolveOAuthOptions {
  user?: string;
  clientId?: string;
  tenant?: string;
  accessTokenStdin?: boolean;
  profile?: string;
  /** Language of the messages on stderr; default from the locale. */
  lang?: Lang;
  /** Defaults to process.env (MAILCHECK_MS_CLIENT_ID, MAILCHECK_MS_AUTHORITY_HOST, locale). */
  env?: NodeJS.ProcessEnv;
}

export interface ResolveOAuthIo {
  stdin: NodeJS.ReadableStream;
  stderr: NodeJS.WritableStream;
  stdinTimeoutMs?: number;
}

/** An OAuth problem, told with the catalogue's words; the CLI prints it like any input problem. */
export class OAuthCliError extends UsageError {
  readonly diagnosisId: string;
  readonly reply: string | null;

  constructor(diagnosisId: string, reply: string | null, user: string | undefined) {
    const text = (lang: Lang): string => {
      const d = renderDiagnosis({ id: diagnosisId, step: 'auth', reply, params: user ? { user } : {} }, lang);
      const advice = d.advice.map((item, i) => `  ${i + 1}. ${item}`).join('\n');
      const said = reply ? `\n  (${lang === 'it' ? 'risposta' : 'answer'}: ${reply})` : '';
      return `${d.title} [${d.id}]\n${d.explanation}${said}\n${advice}`;
    };
    super('oauth', { en: text('en'), it: text('it') });
    this.name = 'OAuthCliError';
    this.diagnosisId = diagnosisId;
    this.reply = reply;
  }
}

function say(io: ResolveOAuthIo, lang: Lang, text: Localized): void {
  io.stderr.write(`mailcheck: ${text[lang]}\n`);
}

export async function resolveOAuthAuth(opts: ResolveOAuthOptions, io: ResolveOAuthIo): Promise<AuthInput> {
  const env = opts.env ?? process.env;
  const lang = opts.lang ?? langFromEnv(env);
  const user = opts.user?.trim() || undefined;

  if (opts.accessTokenStdin) return readTokenFromStdin(user, io, lang);

  const clientId = resolveClientId(opts.clientId, env);
  if (!clientId) throw new OAuthCliError(OAUTH_DIAGNOSIS_IDS.clientIdMissing, null, user);
  const authorityHost = env[AUTHORITY_HOST_ENV]?.trim();
  const cfg: OAuthConfig = {
    clientId,
    tenant: opts.tenant?.trim() || PERSONAL_TENANT,
    ...(authorityHost ? { authorityHost } : {}),
    ...(user ? { loginHint: user } : {}),
  };
  const profile = opts.profile?.trim() || undefined;
  const store = profile ? await keychainOrNull(io, lang) : null;

  try {
    if (profile && store) {
      const silent = await trySilent(profile, cfg, store, io, lang);
      if (silent) {
        return {
          method: 'oauth2',
          user: pickUser(user, silent.user, io, lang),
          getAccessToken: createTokenProvider(profile, cfg, store, silent),
        };
      }
    }
    const signedIn = await signInWithDeviceCode(cfg, {
      onCode: (info) => showCode(info, io, lang),
      ...(profile && store ? { persist: { profile, store: bestEffort(store, profile, io, lang) } } : {}),
    });
    say(io, lang, { en: `signed in as ${signedIn.user}.`, it: `accesso eseguito come ${signedIn.user}.` });
    const getAccessToken =
      profile && store
        ? createTokenProvider(profile, cfg, store, signedIn)
        : () => Promise.resolve(signedIn.accessToken);
    return { method: 'oauth2', user: pickUser(user, signedIn.user, io, lang), getAccessToken };
  } catch (err) {
    if (err instanceof OAuthError) throw new OAuthCliError(err.diagnosisId, err.reply, user);
    throw err;
  }
}

async function readTokenFromStdin(
  user: string | undefined,
  io: ResolveOAuthIo,
  lang: Lang,
): Promise<AuthInput> {
  if (!user) {
    throw new UsageError('user', {
      en: '--access-token-stdin needs --user (the address the token belongs to).',
      it: "--access-token-stdin richiede --user (l'indirizzo a cui appartiene il token).",
    });
  }
  const token = await readSecretLine(io.stdin, {
    stderr: io.stderr,
    prompt: lang === 'it' ? 'Token di accesso: ' : 'Access token: ',
    timeoutMs: io.stdinTimeoutMs,
  }).catch((error: unknown) => {
    if (!(error instanceof SecretInputTimedOut)) throw error;
    throw new UsageError('access-token', {
      en: 'No access token arrived on standard input in time.',
      it: "Nessun token di accesso è arrivato dall'input standard in tempo.",
    });
  });
  if (!token?.trim()) {
    throw new UsageError('access-token', {
      en: 'No access token on standard input.',
      it: 'Nessun token di accesso sullo standard input.',
    });
  }
  return { method: 'oauth2', user, accessToken: token.trim() };
}

async function keychainOrNull(io: ResolveOAuthIo, lang: Lang): Promise<RefreshTokenStore | null> {
  try {
    return await openKeychain();
  } catch (err) {
    warnKeychain(err, io, lang);
    return null;
  }
}

function warnKeychain(err: unknown, io: ResolveOAuthIo, lang: Lang): void {
  const why = describeKeychainError(err);
  say(io, lang, {
    en: `the Microsoft sign-in will not be saved: ${why.en}`,
    it: `l'accesso Microsoft non verrà salvato: ${why.it}`,
  });
}

/** The saved sign-in, refreshed; null when there is none or Microsoft no longer accepts it. */
async function trySilent(
  profile: string,
  cfg: OAuthConfig,
  store: RefreshTokenStore,
  io: ResolveOAuthIo,
  lang: Lang,
): Promise<{ accessToken: string; expiresAt: number; user: string | null } | null> {
  try {
    return await getAccessTokenSilently(profile, cfg, store);
  } catch (err) {
    if (err instanceof OAuthError && err.code === 'not-signed-in') return null;
    if (err instanceof OAuthError && err.diagnosisId === OAUTH_DIAGNOSIS_IDS.grantExpired) {
      say(io, lang, {
        en: 'the saved Microsoft sign-in has expired: sign in again.',
        it: "l'accesso Microsoft salvato è scaduto: accedi di nuovo.",
      });
      return null;
    }
    if (err instanceof OAuthError) throw err;
    // The keychain could not be read: go on with a fresh sign-in, which will not be saved either.
    warnKeychain(err, io, lang);
    return null;
  }
}

/** A keychain that failing to save only warns: the sign-in itself succeeded and the test can run. */
function bestEffort(
  store: RefreshTokenStore,
  profile: string,
  io: ResolveOAuthIo,
  lang: Lang,
): RefreshTokenStore {
  return {
    read: (name, kind) => store.read(name, kind),
    delete: (name, kind) => store.delete(name, kind),
    save: async (name, secret, kind) => {
      try {
        await store.save(name, secret, kind);
        say(io, lang, {
          en: `Microsoft sign-in saved in the keychain for profile "${profile}".`,
          it: `accesso Microsoft salvato nel portachiavi per il profilo "${profile}".`,
        });
      } catch (err) {
        warnKeychain(err, io, lang);
      }
    },
  };
}

function showCode(info: DeviceCodeInfo, io: ResolveOAuthIo, lang: Lang): void {
  const minutes = Math.max(1, Math.round((info.expiresAt - Date.now()) / 60_000));
  say(io, lang, {
    en: `to sign in with Microsoft, open ${info.verificationUri} and enter the code ${info.userCode} (valid for ${minutes} minutes). Waiting…`,
    it: `per accedere con Microsoft, apri ${info.verificationUri} e inserisci il codice ${info.userCode} (valido per ${minutes} minuti). In attesa…`,
  });
}

/** The XOAUTH2 user must be the signed-in account: --user wins, but a mismatch is pointed out. */
function pickUser(
  given: string | undefined,
  signedIn: string | null,
  io: ResolveOAuthIo,
  lang: Lang,
): string {
  if (given && signedIn && given.toLowerCase() !== signedIn.toLowerCase()) {
    say(io, lang, {
      en: `warning: --user ${given} differs from the signed-in account ${signedIn}; the server will likely refuse the token.`,
      it: `attenzione: --user ${given} è diverso dall'account con cui hai fatto l'accesso, ${signedIn}; probabilmente il server rifiuterà il token.`,
    });
  }
  const user = given ?? signedIn;
  if (!user) {
    throw new UsageError('user', {
      en: 'Could not tell which address to log in as: pass --user.',
      it: 'Non è chiaro con quale indirizzo accedere: usa --user.',
    });
  }
  return user;
}
