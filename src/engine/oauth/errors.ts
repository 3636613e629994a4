import { AuthorizationResponseError, ClientError, ResponseBodyError } from 'openid-client';
import {
  aadstsCode,
  OAUTH_DIAGNOSIS_IDS,
  oauthDiagnosisIdFor,
  type OAuthDiagnosisId,
} from '../../shared/diagnoses/oauth';

export type OAuthErrorCode =
  /** No client id configured. */
  | 'client-id-missing'
  /** The tenant or sign-in host is not usable. */
  | 'invalid-config'
  /** The user cancelled, declined, closed the page or let the code expire. */
  | 'cancelled'
  /** The sign-in service did not answer in time, or could not be reached. */
  | 'timeout'
  /** No refresh token saved for this profile: a sign-in is needed. */
  | 'not-signed-in'
  /** Microsoft answered with an OAuth error (see `oauthError` and `aadsts`). */
  | 'server-error'
  /** The answer was not what the protocol requires (wrong state, issuer, missing address…). */
  | 'invalid-response'
  /** The browser sign-in could not open its local redirect port: the device code still works. */
  | 'loopback-unavailable';

/**
 * A sign-in problem, with the catalogue id that explains it. Its message and `reply` never hold a
 * token: they are built from error codes and Microsoft's error description only, then redacted.
 */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  readonly code: OAuthErrorCode;
  readonly diagnosisId: OAuthDiagnosisId;
  /**
   * Our own Italian text, for the few errors whose message says more than the catalogue entry
   * (e.g. "use the code on screen instead"); otherwise the catalogue's text is shown.
   */
  readonly messageIt: string | null;
  /** The OAuth `error` code from the server (`invalid_grant`…), when there was one. */
  readonly oauthError: string | null;
  /** The AADSTS number from Microsoft's error description, when there was one. */
  readonly aadsts: string | null;
  /** What the server said, redacted, for reports (`invalid_grant: AADSTS70008: …`). */
  readonly reply: string | null;

  constructor(
    code: OAuthErrorCode,
    diagnosisId: OAuthDiagnosisId,
    message: string,
    extra: {
      oauthError?: string | null;
      aadsts?: string | null;
      reply?: string | null;
      messageIt?: string | null;
    } = {},
  ) {
    super(redactTokens(message));
    this.code = code;
    this.diagnosisId = diagnosisId;
    this.messageIt = extra.messageIt == null ? null : redactTokens(extra.messageIt);
    this.oauthError = extra.oauthError ?? null;
    this.aadsts = extra.aadsts ?? null;
    this.reply = extra.reply == null ? null : redactTokens(extra.reply);
  }
}

const MAX_REPLY_CHARS = 400;
/** JWTs, and any long run of token alphabet (opaque access/refresh tokens, base64 payloads). */
const TOKEN_LIKE = /\beyJ[\w-]*\.[\w-]*\.[\w-]*|[A-Za-z0-9+/_.~-]{40,}={0,2}/g;

/** Removes anything that looks like a token; GUIDs, AADSTS codes and words survive. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_LIKE, '[redacted]');
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/)[0] ?? '';
  return line.length > MAX_REPLY_CHARS ? `${line.slice(0, MAX_REPLY_CHARS)}…` : line;
}

/** An OAuth error answer (`error` + `error_description`) as an OAuthError with its diagnosis. */
export function fromOAuthErrorAnswer(error: string, description: string | undefined | null): OAuthError {
  const diagnosisId = oauthDiagnosisIdFor(error, description);
  const aadsts = aadstsCode(description);
  const reply = description ? `${error}: ${firstLine(description)}` : error;
  const code: OAuthErrorCode = diagnosisId === OAUTH_DIAGNOSIS_IDS.cancelled ? 'cancelled' : 'server-error';
  return new OAuthError(code, diagnosisId, `Microsoft sign-in failed: ${reply}`, {
    oauthError: error,
    aadsts,
    reply,
  });
}

export function cancelledError(why: string): OAuthError {
  return new OAuthError('cancelled', OAUTH_DIAGNOSIS_IDS.cancelled, why);
}

/**
 * Turns whatever openid-client or fetch threw into an OAuthError. The original error is not kept
 * as `cause`: library errors carry whole HTTP responses, which may hold tokens.
 */
export function toOAuthError(err: unknown, context: { aborted?: boolean } = {}): OAuthError {
  if (err instanceof OAuthError) return err;
  if (context.aborted) return cancelledError('Sign-in was cancelled.');
  if (err instanceof ResponseBodyError || err instanceof AuthorizationResponseError) {
    return fromOAuthErrorAnswer(err.error, err.error_description);
  }
  if (err instanceof ClientError) {
    if (err.code === 'OAUTH_ABORT') return cancelledError('Sign-in was cancelled.');
    if (err.code === 'OAUTH_TIMEOUT') {
      return new OAuthError(
        'timeout',
        OAUTH_DIAGNOSIS_IDS.timedOut,
        'The Microsoft sign-in service did not answer in time.',
      );
    }
    return new OAuthError(
      'invalid-response',
      OAUTH_DIAGNOSIS_IDS.failed,
      `Unexpected answer from the sign-in service: ${err.message}`,
      {
        reply: err.message,
      },
    );
  }
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
    return new OAuthError(
      'timeout',
      OAUTH_DIAGNOSIS_IDS.timedOut,
      'The Microsoft sign-in service did not answer in time.',
    );
  }
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) {
    const reason = err.cause instanceof Error ? err.cause.message : err.message;
    return new OAuthError(
      'timeout',
      OAUTH_DIAGNOSIS_IDS.timedOut,
      `Could not reach the Microsoft sign-in service (${reason}).`,
      {
        reply: reason,
      },
    );
  }
  const message = err instanceof Error ? err.message : String(err);
  return new OAuthError(
    'invalid-response',
    OAUTH_DIAGNOSIS_IDS.failed,
    `Microsoft sign-in failed: ${message}`,
    {
      reply: message,
    },
  );
}
