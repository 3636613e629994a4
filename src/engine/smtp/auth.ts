/**
 * The `auth` step (old probe/run.ts `authStep`, `accessToken`): PLAIN, else LOGIN for a password,
 * XOAUTH2 for a token (fixed, or from `getAccessToken()`, which is one wait). Never over an
 * unencrypted connection unless `allowPlaintextAuth`. nodemailer writes the SASL lines to the
 * transcript already masked (transcript/index.ts).
 */
import type { AuthInput } from '../../shared/probe-types';
import { getDiagnosis } from '../../shared/diagnoses';
import { Cancelled, StepFailure, StepTimeout } from '../runner/errors';
import { pickMechanism, XOAUTH2_HANDLER } from './auth-mechanisms';
import { connectionOp } from './connection';
import { L, type SmtpRun } from './state';

export async function authStep(run: SmtpRun): Promise<void> {
  const { ctx } = run;
  const auth = run.req.auth;
  const conn = run.conn;
  if (!auth || !conn) {
    ctx.skipBecause(
      'auth',
      L('No credentials given: login not tested', 'Nessuna credenziale: accesso non provato'),
    );
    return;
  }
  run.startStep('auth');
  if (!conn.secure && !run.req.allowPlaintextAuth) throw new StepFailure('auth.plaintext-refused');
  const offered = run.offeredMechanisms;
  if (!offered.length) throw new StepFailure('auth.not-offered');
  const mechanism = pickMechanism(auth, offered);
  if (!mechanism) throw new StepFailure('auth.method-unsupported');
  let loginData: Record<string, unknown>;
  if (auth.method === 'password') {
    loginData = { method: mechanism, user: auth.user, pass: auth.password };
  } else {
    const token = await accessToken(run, auth);
    loginData = { method: XOAUTH2_HANDLER, user: auth.user, xoauth2Token: token };
  }
  ctx.transcript.info(`Logging in as ${auth.user} with ${mechanism}`);
  await run.race(connectionOp<boolean | undefined>(run, conn, (done) => conn.login(loginData, done)));
  run.endStep(
    'auth',
    'pass',
    L(`Logged in as ${auth.user} (${mechanism})`, `Accesso riuscito come ${auth.user} (${mechanism})`),
    {
      mechanism,
      user: auth.user,
    },
  );
}

async function accessToken(run: SmtpRun, auth: Extract<AuthInput, { method: 'oauth2' }>): Promise<string> {
  if (auth.accessToken) return auth.accessToken;
  try {
    const token = await run.race(Promise.resolve().then(() => auth.getAccessToken!()));
    if (typeof token !== 'string' || !token) throw new Error('empty token');
    run.ctx.redactor.addSecret(token, auth.user);
    run.restartWait(); // getting the token was one wait, AUTH's reply is the next
    return token;
  } catch (err) {
    if (err instanceof StepTimeout || err instanceof Cancelled) throw err;
    // The OAuth module may name its own catalogue entry for why no token is available.
    const id = (err as { diagnosisId?: unknown } | null)?.diagnosisId;
    throw new StepFailure(typeof id === 'string' && getDiagnosis(id) ? id : 'auth.token-unavailable');
  }
}
