/**
 * runReceiveCheck: tests the receiving side of an account (IMAP or POP3) step by step over one
 * connection — dns → tcp → [tls] → greeting → capabilities → [STARTTLS/STLS: tls] → auth → mailbox —
 * and explains the first failure with a catalogue id. The runner decides everything protocols
 * share (order, timing, TLS policy, when credentials may be sent); the protocol module only speaks.
 *
 * Network and server problems never throw: they become a failed step and a diagnosis. Only invalid
 * input throws (ProbeInputError, before anything is sent).
 */
import type { AuthInput, ProbeEvent, ReceiveRequest, ReceiveResult } from '../../shared/probe-types';
import { RECEIVE_STEP_IDS } from '../../shared/probe-types';
import { getDiagnosis, renderDiagnosis } from '../../shared/diagnoses';
import { classifyWith, factsOf } from './classify';
import { L, RunContext } from './context';
import { Cancelled, StepFailure, StepTimeout } from './errors';
import { implicitTlsStep, readGreeting } from './connect';
import { dnsStep, judgeTls, tcpStep, tlsSummary } from './net-steps';
import type { LineConnection } from './line-connection';
import type { Capabilities, LoginSecret, ProtocolModule, ProtocolSession } from './protocol';
import { validateReceiveRequest } from './validate';

export interface RunReceiveOptions {
  signal?: AbortSignal;
  onEvent?: (event: ProbeEvent) => void;
}

/**
 * Runs one check with the given protocol module. `runReceiveCheck` (src/engine/receive) picks the
 * module by `request.protocol`; the runner itself knows no protocol.
 */
export async function runWithProtocol(
  protocol: ProtocolModule,
  input: ReceiveRequest,
  opts: RunReceiveOptions = {},
): Promise<ReceiveResult> {
  const req = validateReceiveRequest(input);
  if (req.protocol !== protocol.id)
    throw new Error(`runWithProtocol: ${protocol.id} module for a ${req.protocol} request`);
  const ctx = new RunContext({
    timeoutMs: req.timeoutMs,
    signal: opts.signal,
    onEvent: opts.onEvent,
    stepOrder: RECEIVE_STEP_IDS,
  });
  const auth = req.auth;
  if (auth?.method === 'password') ctx.redactor.addSecret(auth.password, auth.user);
  if (auth?.method === 'oauth2' && auth.accessToken) ctx.redactor.addSecret(auth.accessToken, auth.user);
  let saidGoodbye = false;
  try {
    if (ctx.cancelled) throw new Cancelled();
    saidGoodbye = await runSteps(ctx, req, protocol);
  } catch (err) {
    failWith(ctx, req, protocol, err);
  } finally {
    ctx.closeAll(saidGoodbye);
  }
  const result = ctx.result({
    host: req.host,
    port: req.port,
    security: req.security,
    user: auth?.user ?? null,
    authMethod: auth?.method ?? null,
  });
  return { ...result, protocol: req.protocol };
}

/** The steps in order; returns true when the session ended with a goodbye (LOGOUT / QUIT). */
async function runSteps(ctx: RunContext, req: ReceiveRequest, protocol: ProtocolModule): Promise<boolean> {
  const addresses = await dnsStep(ctx, req.host);
  let socket = await tcpStep(ctx, addresses, req.port);
  const implicit =
    req.security === 'tls' || (req.security === 'auto' && req.port === protocol.implicitTlsPort);
  if (implicit) socket = await implicitTlsStep(ctx, req, protocol, socket);

  const { conn, line } = await readGreeting(ctx, req, protocol, socket);
  const session = protocol.open(conn, ctx);
  const greeting = await session.greeting(line);
  // Server text, scrubbed where it enters the result (the only free text a step keeps).
  const greetingText = ctx.redactor.scrub(greeting.text);
  ctx.server.greeting = greetingText;
  ctx.endStep('greeting', 'pass', L(`Greeting: ${greetingText}`, `Saluto: ${greetingText}`), {
    greeting: greetingText,
    preauth: greeting.preauth,
  });

  let caps = await capabilitiesStep(ctx, session, protocol, greeting.capabilities, conn.secure);
  caps = await tlsStep(ctx, req, protocol, session, conn, caps, greeting.preauth);
  ctx.server.securityUsed ??= conn.secure ? 'starttls' : 'none';

  const loggedIn = await authStep(ctx, req, session, caps, conn.secure, greeting.preauth);
  if (loggedIn) {
    ctx.startStep('mailbox');
    const mailbox = await session.mailbox();
    ctx.endStep('mailbox', 'pass', mailbox.summary, mailbox.details);
  } else {
    ctx.skipBecause('mailbox', L('Needs a login', 'Richiede l’accesso'));
  }
  session.goodbye();
  return true;
}

async function capabilitiesStep(
  ctx: RunContext,
  session: ProtocolSession,
  protocol: ProtocolModule,
  announced: Capabilities | null,
  secure: boolean,
): Promise<Capabilities> {
  ctx.startStep('capabilities');
  const caps = announced ?? (await session.capabilities());
  recordCapabilities(ctx, caps);
  const login = caps.mechanisms.length ? caps.mechanisms.join(' ') : '—';
  const name = protocol.starttlsName;
  const en = secure ? 'Already encrypted' : `${name} ${caps.starttls ? 'offered' : 'not offered'}`;
  const it = secure ? 'Già cifrata' : `${name} ${caps.starttls ? 'offerto' : 'non offerto'}`;
  ctx.endStep('capabilities', 'pass', L(`${en}; login: ${login}`, `${it}; accesso: ${login}`), {
    capabilities: caps.list,
    mechanisms: caps.mechanisms,
    starttls: caps.starttls,
    loginDisabled: caps.loginDisabled,
  });
  return caps;
}

function recordCapabilities(ctx: RunContext, caps: Capabilities): void {
  ctx.server.capabilities = caps.list;
  ctx.server.authMechanisms = caps.mechanisms;
}

/** STARTTLS / STLS when due; returns the capabilities that hold afterwards. */
async function tlsStep(
  ctx: RunContext,
  req: ReceiveRequest,
  protocol: ProtocolModule,
  session: ProtocolSession,
  conn: LineConnection,
  caps: Capabilities,
  preauth: boolean,
): Promise<Capabilities> {
  if (conn.secure) return caps;
  if (req.security === 'none') {
    ctx.endStep('tls', 'warn', L('Not encrypted', 'Non cifrata'), {});
    return caps;
  }
  if (!caps.starttls || preauth) {
    if (req.security === 'starttls') {
      ctx.startStep('tls');
      throw new StepFailure('tls.starttls-unavailable');
    }
    ctx.endStep(
      'tls',
      'warn',
      L(
        `Not encrypted: the server offers no ${protocol.starttlsName}`,
        `Non cifrata: il server non offre ${protocol.starttlsName}`,
      ),
      {},
    );
    return caps;
  }
  ctx.startStep('tls');
  await session.starttls();
  ctx.transcript.info(`Starting TLS handshake (${protocol.starttlsName})`);
  const secure = await conn.upgrade(req.host, req.caPem);
  const info = judgeTls(ctx, secure, req.host, 'starttls');
  ctx.server.securityUsed = 'starttls';
  // What the server offered before TLS may change (login mechanisms often appear only now).
  const after = await session.capabilities();
  recordCapabilities(ctx, after);
  ctx.endStep('tls', 'pass', tlsSummary(info, protocol.starttlsName), {
    ...info,
    capabilitiesAfter: after.list,
  });
  return after;
}

/** Logs in when credentials were given; returns whether the session is logged in. */
async function authStep(
  ctx: RunContext,
  req: ReceiveRequest,
  session: ProtocolSession,
  caps: Capabilities,
  secure: boolean,
  preauth: boolean,
): Promise<boolean> {
  if (preauth) {
    ctx.skipBecause(
      'auth',
      L('The server logged us in already (PREAUTH)', 'Il server ha già fatto l’accesso (PREAUTH)'),
    );
    return true;
  }
  const auth = req.auth;
  if (!auth) {
    ctx.skipBecause(
      'auth',
      L('No credentials given: login not tested', 'Nessuna credenziale: accesso non provato'),
    );
    return false;
  }
  ctx.startStep('auth');
  if (!secure && !req.allowPlaintextAuth) throw new StepFailure('auth.plaintext-refused');
  if (caps.loginDisabled) throw new StepFailure('auth.starttls-required');
  const secret = await loginSecret(ctx, auth);
  ctx.transcript.info(`Logging in as ${auth.user}`);
  const mechanism = await session.login(secret, caps);
  ctx.endStep(
    'auth',
    'pass',
    L(`Logged in as ${auth.user} (${mechanism})`, `Accesso riuscito come ${auth.user} (${mechanism})`),
    { mechanism, user: auth.user },
  );
  return true;
}

async function loginSecret(ctx: RunContext, auth: AuthInput): Promise<LoginSecret> {
  if (auth.method === 'password') return { kind: 'password', user: auth.user, password: auth.password };
  if (auth.accessToken) return { kind: 'token', user: auth.user, token: auth.accessToken };
  try {
    const token = await ctx.wait(Promise.resolve().then(() => auth.getAccessToken!()));
    if (typeof token !== 'string' || !token) throw new Error('empty token');
    ctx.redactor.addSecret(token, auth.user);
    return { kind: 'token', user: auth.user, token };
  } catch (err) {
    if (err instanceof StepTimeout || err instanceof Cancelled) throw err;
    // The OAuth module may name its own catalogue entry for why no token is available.
    const id = (err as { diagnosisId?: unknown } | null)?.diagnosisId;
    throw new StepFailure(typeof id === 'string' && getDiagnosis(id) ? id : 'auth.token-unavailable');
  }
}

/** Ends the step in flight with the catalogue entry for `err`. */
function failWith(ctx: RunContext, req: ReceiveRequest, protocol: ProtocolModule, err: unknown): void {
  if (ctx.cancelled || err instanceof Cancelled) return ctx.endCancelled();
  const step = ctx.currentStep ?? 'greeting';
  const facts = factsOf(err, step);
  const failure = err instanceof StepFailure ? err : null;
  const id = failure ? failure.diagnosisId : classifyWith(protocol.rules, facts);
  const raw = failure ? failure.reply : (facts.reply ?? (id === 'unknown' ? facts.message : null));
  // Server and error text is scrubbed here, where it enters the result (never the result as a whole).
  const reply = raw ? ctx.redactor.scrub(raw) : raw;
  const message = ctx.redactor.scrub(facts.message);
  if (!failure) ctx.transcript.info(`Error: ${message}`);
  const ref = {
    id,
    step,
    reply,
    params: {
      host: req.host,
      port: String(req.port),
      security: req.security,
      user: req.auth?.user ?? '',
      mechanisms: ctx.server.authMechanisms.join(', ') || 'none',
      protocol: protocol.name,
    },
  };
  const details: Record<string, unknown> = { diagnosis: id, error: message, code: facts.code };
  if (step === 'tls' && ctx.tlsInfo) Object.assign(details, ctx.tlsInfo);
  const en = renderDiagnosis(ref, 'en');
  const it = renderDiagnosis(ref, 'it');
  ctx.failStep(ref, L(en.title, it.title), details);
}
