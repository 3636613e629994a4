/**
 * The SMTP check on the runner: dns → tcp → [tls] → greeting → ehlo → [STARTTLS: tls] → auth → send
 * over ONE connection, the first failure explained with a catalogue id (old probe/run.ts `run`,
 * `fail`, `params`, `result`). The runner's RunContext keeps the steps, the overall deadline,
 * cancel, the sockets, the transcript and the result; this folder speaks SMTP through nodemailer's
 * SMTPConnection (docs/engine.md says why). `runProbe` (probe/index.ts) is the stable entry point.
 *
 * Network and server problems never throw: they become a failed step and a diagnosis.
 */
import type net from 'node:net';
import type { ProbeRequest, ProbeResult } from '../../shared/probe-types';
import { renderDiagnosis } from '../../shared/diagnoses';
import { classify, factsFromError } from './classify';
import { capBytes } from '../../shared/clip';
import { Cancelled, StepFailure } from '../runner/errors';
import { authStep } from './auth';
import { dnsStep, tcpStep } from './net-steps';
import { quit, sendStep } from './send';
import { smtpSetup } from './setup';
import { L, SmtpRun, type RunProbeOptions } from './state';
import { implicitTlsStep } from './tls-steps';

export type { RunProbeOptions } from './state';

/** The port on which `auto` means implicit TLS (RFC 8314 submissions). */
const IMPLICIT_TLS_PORT = 465;

/** Runs one SMTP check on a request already validated (validateProbeRequest). */
export async function runSmtp(req: ProbeRequest, opts: RunProbeOptions = {}): Promise<ProbeResult> {
  const run = new SmtpRun(req, opts);
  try {
    if (run.ctx.cancelled) throw new Cancelled();
    const addresses = await dnsStep(run);
    let socket: net.Socket = await tcpStep(run, addresses);
    const { security, port } = req;
    if (security === 'tls' || (security === 'auto' && port === IMPLICIT_TLS_PORT)) {
      socket = await implicitTlsStep(run, socket);
    }
    await smtpSetup(run, socket);
    await authStep(run);
    await sendStep(run);
    quit(run);
  } catch (err) {
    fail(run, err);
  } finally {
    run.stopWatchdog();
    run.ctx.closeAll(run.quitSent);
  }
  const auth = req.auth;
  return run.ctx.result({
    host: req.host,
    port: req.port,
    security: req.security,
    user: auth?.user ?? null,
    authMethod: auth?.method ?? null,
  });
}

/** Ends the step in flight with the catalogue entry for `err` (the SMTP reply table, then RULES). */
function fail(run: SmtpRun, err: unknown): void {
  const { ctx } = run;
  const step = ctx.currentStep ?? 'greeting';
  if (err instanceof Cancelled || ctx.cancelled) return ctx.endCancelled();
  const failure = err instanceof StepFailure ? err : run.hookFailure;
  const facts = factsFromError(err, step);
  const id = failure ? failure.diagnosisId : classify(facts);
  const rawReply = failure?.reply ?? facts.reply ?? (id === 'unknown' ? facts.message : null);
  const reply = rawReply ? capBytes(ctx.redactor.scrub(rawReply)) : null;
  ctx.diagnosis = { id, step, reply, params: params(run) };
  const message = capBytes(ctx.redactor.scrub(facts.message));
  if (!failure) ctx.transcript.info(`Error: ${message}`);
  const en = renderDiagnosis(ctx.diagnosis, 'en');
  const it = renderDiagnosis(ctx.diagnosis, 'it');
  const details: Record<string, unknown> = {
    diagnosis: id,
    error: message,
    code: facts.sysCode ?? facts.code,
  };
  if (step === 'tls' && ctx.tlsInfo) Object.assign(details, ctx.tlsInfo);
  run.endStep(step, 'fail', L(en.title, it.title), details);
}

function params(run: SmtpRun): Record<string, string> {
  const { req, ctx } = run;
  return {
    host: req.host,
    port: String(req.port),
    security: req.security,
    user: req.auth?.user ?? '',
    mechanisms: ctx.server.authMechanisms.join(', ') || 'none',
  };
}
