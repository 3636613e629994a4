/**
 * runProbe: tests a mail server step by step over ONE connection (dns → tcp → [tls] → greeting →
 * ehlo → [STARTTLS: tls] → auth → send) and explains the first failure with a catalogue id.
 *
 * The engine opens the TCP socket itself (accurate connect timing, the address actually used),
 * does an implicit-TLS handshake itself when needed, then hands the socket to nodemailer's
 * SMTPConnection, whose greeting/EHLO/STARTTLS handling is observed through hooks (session.ts).
 * A second connection is opened only as a diagnostic follow-up: in parallel when a port stays
 * silent (does it speak implicit TLS? `auto` then continues on it), and after a failed implicit-TLS
 * handshake (does this port speak plaintext SMTP?).
 *
 * Every network wait is bounded by timeoutMs (watchdog.ts), the whole run by a deadline derived from
 * it (deadline.ts); cancelling closes the sockets at once.
 * Network and server problems never throw: they become a failed step and a diagnosis.
 */
import { randomBytes } from 'node:crypto';
import { promises as dnsPromises } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import type {
  AuthInput,
  DiagnosisRef,
  Localized,
  ProbeEvent,
  ProbeRequest,
  ProbeResult,
  ServerInfo,
  StepId,
  StepResult,
  StepStatus,
  TlsInfo,
} from '../../shared/probe-types';
import { STEP_IDS } from '../../shared/probe-types';
import { getDiagnosis, renderDiagnosis } from '../../shared/diagnoses';
import { Redactor, Transcript, xoauth2Response } from '../transcript';
import { classify, factsFromError, TIMEOUT_CODE } from './classify';
import {
  DEFAULT_TIMEOUT_MS,
  FOLLOW_UP_TIMEOUT_MS,
  LIBRARY_TIMEOUT_GRACE_MS,
  MAX_REPLY_BYTES,
  MAX_REPLY_IN_DIAGNOSIS,
  QUIT_GRACE_MS,
  SILENT_PORT_PROBE_AFTER_MS,
} from './constants';
import { overallDeadlineMs } from './deadline';
import { parseEhlo, type EhloFacts } from './ehlo';
import { ImplicitTlsFollowUp, isWelcomeGreeting, type ImplicitTlsAnswer } from './implicit-tls-follow-up';
import { ObservedConnection, type SessionObserver } from './session';
import { inspectTls, tlsOptions, type TlsVerdict } from './tls-inspect';
import { validateProbeRequest } from './validate';
import { WaitWatchdog } from './watchdog';

export interface RunProbeOptions {
  signal?: AbortSignal;
  onEvent?: (e: ProbeEvent) => void;
  /** Replaces the system resolver in the dns step (discovery: MAILCHECK_DNS_SERVERS). */
  lookup?: typeof dnsPromises.lookup;
}

/** The port on which `auto` means implicit TLS (RFC 8314 submissions). */
const IMPLICIT_TLS_PORT = 465;

const L = (en: string, it: string): Localized => ({ en, it });

/** A promise that never settles: a contender that drops out of a race. */
const NEVER = new Promise<never>(() => undefined);

/** Ends the probe with a catalogue id chosen by the engine itself (not by the classifier). */
class StepFailure extends Error {
  constructor(
    readonly diagnosisId: string,
    readonly reply: string | null = null,
  ) {
    super(diagnosisId);
  }
}

class StepTimeout extends Error {
  readonly code = TIMEOUT_CODE;
  constructor(
    readonly step: StepId,
    overall = false,
  ) {
    super(overall ? `The whole test ran out of time (${step})` : `No answer within the time limit (${step})`);
  }
}

class Cancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export async function runProbe(input: ProbeRequest, opts: RunProbeOptions = {}): Promise<ProbeResult> {
  const req = validateProbeRequest(input);
  return new Probe(req, opts).run();
}

class Probe {
  private readonly t0 = Date.now();
  private readonly startedAt = new Date(this.t0).toISOString();
  private readonly timeoutMs: number;
  /** The backstop that ends any run (deadline.ts). */
  private readonly deadlineMs: number;
  private readonly redactor = new Redactor();
  private readonly transcript: Transcript;
  private readonly steps = new Map<StepId, StepResult>();
  private current: { id: StepId; start: number } | null = null;
  private readonly watchdog: WaitWatchdog;
  /** Rejected by the watchdog or a cancel: every wait of the main flow races it. */
  private readonly interrupted: Promise<never>;
  private interrupt!: (err: Error) => void;
  /** Rejected only by a cancel: the follow-up checks race it. */
  private readonly cancelledPromise: Promise<never>;
  private cancel!: (err: Error) => void;
  private isCancelled = false;
  private readonly sockets = new Set<net.Socket>();
  private conn: ObservedConnection | null = null;
  /** A failure decided inside a hook (certificate refused…), which wins over classification. */
  private hookFailure: StepFailure | null = null;
  private diagnosis: DiagnosisRef | null = null;
  private tlsInfo: TlsInfo | null = null;
  private readonly server: ServerInfo = {
    address: null,
    greeting: null,
    capabilities: [],
    authMechanisms: [],
    securityUsed: null,
  };
  private readonly skipReasons = new Map<StepId, Localized>();
  /** Called by the greeting hook: the plaintext connection answered (see plaintextSetup). */
  private greetingSeen: (() => void) | null = null;
  private quitSent = false;

  constructor(
    private readonly req: ProbeRequest,
    private readonly opts: RunProbeOptions,
  ) {
    this.timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.deadlineMs = overallDeadlineMs(req, this.timeoutMs);
    this.watchdog = new WaitWatchdog(this.timeoutMs, (step) => this.interrupt(new StepTimeout(step)));
    this.transcript = new Transcript(this.t0, this.redactor);
    const auth = req.auth;
    if (auth?.method === 'password') this.redactor.addSecret(auth.password, auth.user);
    if (auth?.method === 'oauth2' && auth.accessToken) this.redactor.addSecret(auth.accessToken, auth.user);
    this.interrupted = new Promise<never>((_resolve, reject) => (this.interrupt = reject));
    this.cancelledPromise = new Promise<never>((_resolve, reject) => (this.cancel = reject));
    // Nobody may be awaiting them when they reject.
    this.interrupted.catch(() => undefined);
    this.cancelledPromise.catch(() => undefined);
  }

  async run(): Promise<ProbeResult> {
    const { signal } = this.opts;
    const onAbort = (): void => this.onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const deadline = setTimeout(() => {
      this.transcript.info(`The whole test ran out of time (${this.deadlineMs} ms)`);
      this.interrupt(new StepTimeout(this.current?.id ?? 'greeting', true));
    }, this.deadlineMs);
    try {
      if (signal?.aborted) {
        this.isCancelled = true;
        throw new Cancelled();
      }
      const addresses = await this.dnsStep();
      let socket: net.Socket = await this.tcpStep(addresses);
      const { security, port } = this.req;
      if (security === 'tls' || (security === 'auto' && port === IMPLICIT_TLS_PORT)) {
        socket = await this.implicitTlsStep(socket);
      }
      await this.smtpSetup(socket);
      await this.authStep();
      await this.sendStep();
      this.quit();
    } catch (err) {
      await this.fail(err);
    } finally {
      clearTimeout(deadline);
      signal?.removeEventListener('abort', onAbort);
      this.clearWatchdog();
      this.closeAll();
    }
    return this.result();
  }

  /**
   * The session runs over implicit TLS (SSL/TLS): asked for (`tls`, `auto` on 465) or found on a
   * silent port. Both paths record it in securityUsed as soon as the handshake is trusted.
   */
  private get implicitTls(): boolean {
    return this.server.securityUsed === 'tls';
  }

  // ------------------------------------------------------------------ steps

  private async dnsStep(): Promise<string[]> {
    const { host } = this.req;
    this.startStep('dns');
    if (net.isIP(host)) {
      this.endStep(
        'dns',
        'skip',
        L('IP address: no lookup needed', 'Indirizzo IP: nessuna ricerca necessaria'),
        {
          addresses: [host],
        },
      );
      return [host];
    }
    const lookup = async (family: 4 | 6) => {
      const start = Date.now();
      try {
        const records = await (this.opts.lookup ?? dnsPromises.lookup)(host, { family, all: true });
        return { addresses: records.map((r) => r.address), ms: Date.now() - start, error: null as unknown };
      } catch (error) {
        return { addresses: [] as string[], ms: Date.now() - start, error };
      }
    };
    const [a, aaaa] = await this.race(Promise.all([lookup(4), lookup(6)]));
    // IPv4 first: where IPv6 is half-configured it costs a timeout, IPv4 almost never does.
    const addresses = [...new Set([...a.addresses, ...aaaa.addresses])];
    if (!addresses.length) throw a.error ?? aaaa.error;
    const list = addresses.join(', ');
    this.transcript.info(`DNS ${host}: A [${a.addresses.join(', ')}] AAAA [${aaaa.addresses.join(', ')}]`);
    this.endStep('dns', 'pass', L(`${host} is ${list}`, `${host} corrisponde a ${list}`), {
      a: { addresses: a.addresses, ms: a.ms },
      aaaa: { addresses: aaaa.addresses, ms: aaaa.ms },
    });
    return addresses;
  }

  private async tcpStep(addresses: string[]): Promise<net.Socket> {
    const { port } = this.req;
    this.startStep('tcp');
    const attempts: Array<{ address: string; error: string }> = [];
    let lastError: unknown = null;
    for (const address of addresses) {
      this.transcript.info(`Connecting to ${address} port ${port}`);
      this.watchdog.restart(); // each address gets the full connect timeout
      const start = Date.now();
      try {
        const socket = await this.race(this.connectTcp(address, port));
        this.server.address = address;
        this.transcript.info(
          `Connected to ${address}:${port} from ${socket.localAddress}:${socket.localPort}`,
        );
        this.endStep(
          'tcp',
          'pass',
          L(`Connected to ${address} port ${port}`, `Connesso a ${address} porta ${port}`),
          {
            address,
            family: net.isIPv6(address) ? 'IPv6' : 'IPv4',
            localAddress: socket.localAddress ?? null,
            connectMs: Date.now() - start,
            failedAttempts: attempts,
          },
        );
        return socket;
      } catch (err) {
        if (err instanceof StepTimeout || err instanceof Cancelled) throw err;
        lastError = err;
        const code = (err as { code?: string }).code ?? this.redactor.scrub(String(err));
        attempts.push({ address, error: code });
        this.transcript.notice(`Connection to ${address} failed: ${code}`);
      }
    }
    throw lastError;
  }

  private connectTcp(address: string, port: number): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: address, port });
      this.sockets.add(socket);
      socket.once('connect', () => {
        socket.removeListener('error', reject);
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }

  private async implicitTlsStep(socket: net.Socket): Promise<tls.TLSSocket> {
    this.startStep('tls');
    this.transcript.info('Starting TLS handshake (implicit TLS)');
    let secure: tls.TLSSocket;
    try {
      secure = await this.race(this.handshake(socket));
    } catch (err) {
      if (err instanceof Cancelled || err instanceof StepTimeout) throw err;
      // Did the TLS attempt hit a plaintext SMTP port? Ask the port on a second connection.
      const greeting = await this.followUpPlainGreeting();
      if (isWelcomeGreeting(greeting)) {
        this.transcript.info(
          `Follow-up: port ${this.req.port} greets in plaintext: it expects STARTTLS, not implicit TLS`,
        );
        throw new StepFailure('tls.mode-mismatch', greeting);
      }
      throw err;
    }
    const verdict = this.judgeTls(secure, 'implicit');
    if (verdict.refusal) throw new StepFailure(verdict.refusal);
    this.server.securityUsed = 'tls';
    this.endStep('tls', 'pass', this.tlsSummary(verdict.info), { ...verdict.info });
    return secure;
  }

  private handshake(socket: net.Socket): Promise<tls.TLSSocket> {
    return new Promise((resolve, reject) => {
      const secure = tls.connect({ ...tlsOptions(this.req.host, this.req.caPem), socket });
      this.sockets.add(secure);
      secure.once('secureConnect', () => {
        secure.removeListener('error', reject);
        resolve(secure);
      });
      secure.once('error', reject);
      secure.once('close', () =>
        reject(
          Object.assign(new Error('Connection closed during the TLS handshake'), { code: 'ECONNRESET' }),
        ),
      );
    });
  }

  private async smtpSetup(socket: net.Socket): Promise<void> {
    const conn = this.openSession(socket, this.implicitTls);
    this.startStep('greeting');
    if (this.implicitTls) {
      await this.race(this.connectSession(conn));
    } else {
      await this.plaintextSetup(conn, socket);
    }
    const session = this.conn ?? conn;
    // The server fell back to HELO: no EHLO facts, but the session goes on.
    if (this.current?.id === 'ehlo') {
      this.endStep(
        'ehlo',
        'warn',
        L(
          'The server only understands HELO: no extensions',
          'Il server capisce solo HELO: nessuna estensione',
        ),
        {},
      );
      this.decideTlsAfterEhlo(null);
    }
    if (!this.steps.has('tls')) this.endStep('tls', 'warn', L('Not encrypted', 'Non cifrata'), {});
    this.server.securityUsed = this.implicitTls ? 'tls' : session.secure ? 'starttls' : 'none';
  }

  /** An SMTP session (nodemailer) on a socket the engine opened, observed through the hooks. */
  private openSession(socket: net.Socket, secure: boolean): ObservedConnection {
    const { req } = this;
    const backstop = this.timeoutMs + LIBRARY_TIMEOUT_GRACE_MS;
    const conn: ObservedConnection = new ObservedConnection(
      {
        host: req.host,
        port: req.port,
        connection: socket,
        secure,
        secured: secure,
        ignoreTLS: req.security === 'none',
        requireTLS: req.security === 'starttls',
        opportunisticTLS: false,
        name: req.clientName,
        tls: tlsOptions(req.host, req.caPem),
        // Our watchdog bounds each wait and our deadline the run; these only catch what they miss.
        connectionTimeout: this.deadlineMs + LIBRARY_TIMEOUT_GRACE_MS,
        greetingTimeout: backstop,
        socketTimeout: backstop,
        socketCloseTimeout: QUIT_GRACE_MS,
        maxResponseSize: MAX_REPLY_BYTES,
        // Each complete reply ends one wait: the next one gets the full timeout.
        logger: this.transcript.nodemailerLogger(() => this.watchdog.restart()),
        transactionLog: true,
        customAuth: { [XOAUTH2_HANDLER]: xoauth2Handler },
      },
      // The hooks of a session the probe has moved away from (a silent first connection) stay quiet.
      this.observer(() => this.conn === conn),
    );
    this.conn = conn;
    // nodemailer emits 'error' for failures outside a pending call: without a listener it would throw.
    conn.on('error', () => undefined);
    return conn;
  }

  /**
   * Greeting, EHLO and STARTTLS on a plaintext connection. If the port stays silent, a second
   * connection asks in parallel whether it speaks implicit TLS: whichever answers first wins.
   * `auto` continues over that TLS connection; `starttls` and `none` only name the mismatch.
   */
  private async plaintextSetup(conn: ObservedConnection, socket: net.Socket): Promise<void> {
    const { req } = this;
    const followUp = this.implicitTlsFollowUp();
    const connected = this.race(this.connectSession(conn));
    connected.catch(() => undefined); // settled below, or abandoned with the connection
    const greeted = new Promise<'plaintext'>((resolve) => {
      this.greetingSeen = () => resolve('plaintext');
    });
    // Only a port that has sent nothing at all may be an implicit-TLS port.
    const probeAfter = Math.min(SILENT_PORT_PROBE_AFTER_MS, Math.floor(this.timeoutMs / 2));
    const timer = setTimeout(() => {
      if (socket.bytesRead > 0 || !followUp) return;
      this.transcript.info(`Connection 1: no greeting after ${probeAfter} ms`);
      // Bounded so that the answer comes before the greeting timeout does.
      followUp.start(Math.min(FOLLOW_UP_TIMEOUT_MS, this.timeoutMs - probeAfter));
    }, probeAfter);
    const tlsAnswered = (followUp?.result ?? Promise.resolve(null)).then((answer) =>
      answer && this.mayContinueOverTls(answer) ? answer : NEVER,
    );
    let outcome: 'plaintext' | 'plaintext-failed' | ImplicitTlsAnswer;
    try {
      outcome = await Promise.race([
        greeted,
        connected.then(
          () => 'plaintext' as const,
          () => 'plaintext-failed' as const,
        ),
        tlsAnswered,
      ]);
    } finally {
      clearTimeout(timer);
      this.greetingSeen = null;
    }
    if (outcome === 'plaintext') {
      if (followUp?.isStarted) this.transcript.info('Connection 1 answered: connection 2 is closed');
      followUp?.abort();
      await connected;
      return;
    }
    if (outcome !== 'plaintext-failed') return this.switchToImplicitTls(conn, outcome, followUp!);
    try {
      await connected;
    } catch (err) {
      if (err instanceof Cancelled || this.isCancelled || socket.bytesRead > 0 || !followUp) {
        followUp?.abort();
        throw err;
      }
      // Connection 1 failed without a single byte (timeout, reset, close): ask the TLS question.
      followUp.start(Math.min(FOLLOW_UP_TIMEOUT_MS, this.timeoutMs));
      const answer = await this.boundedFollowUp(followUp.result, FOLLOW_UP_TIMEOUT_MS);
      if (!answer) {
        followUp.abort();
        throw err;
      }
      // After a timeout the probe has run out of time: name the mismatch, continue nothing.
      if (req.security === 'auto' && !(err instanceof StepTimeout) && isWelcomeGreeting(answer.greeting)) {
        return this.switchToImplicitTls(conn, answer, followUp);
      }
      throw this.expectsImplicitTls(answer, followUp);
    }
  }

  /** The second connection for a silent port, or null where there is nothing to ask. */
  private implicitTlsFollowUp(): ImplicitTlsFollowUp | null {
    const address = this.server.address;
    if (!address) return null;
    return new ImplicitTlsFollowUp({
      address,
      port: this.req.port,
      tls: tlsOptions(this.req.host, this.req.caPem),
      register: (socket) => this.sockets.add(socket),
      log: (text) => this.transcript.notice(text),
    });
  }

  /** Connection 2 answered a TLS handshake: closes it and names the mismatch (the port is SSL/TLS). */
  private expectsImplicitTls(answer: ImplicitTlsAnswer, followUp: ImplicitTlsFollowUp): StepFailure {
    followUp.abort();
    this.transcript.info(
      `Follow-up: port ${this.req.port} answers a TLS handshake: it expects SSL/TLS from the start`,
    );
    return new StepFailure('tls.mode-mismatch', answer.greeting);
  }

  /**
   * Whether the follow-up's answer ends the wait on connection 1. `auto` needs a working implicit-TLS
   * session (handshake and a 220 greeting) to continue on it; `starttls` and `none` only need the
   * handshake to know the mode is wrong (they never continue over TLS).
   */
  private mayContinueOverTls(answer: ImplicitTlsAnswer): boolean {
    return this.req.security === 'auto' ? isWelcomeGreeting(answer.greeting) : true;
  }

  /**
   * Connection 2 answered over TLS first. `auto`: drop connection 1 and run the whole test on
   * connection 2, the certificate checked exactly as in `tls` mode and the tls step a warning
   * (the port is SSL/TLS, not STARTTLS). Other modes: the mismatch is the diagnosis.
   */
  private async switchToImplicitTls(
    silent: ObservedConnection,
    answer: ImplicitTlsAnswer,
    followUp: ImplicitTlsFollowUp,
  ): Promise<void> {
    const { req } = this;
    if (req.security !== 'auto') throw this.expectsImplicitTls(answer, followUp);
    const secure = followUp.take(answer);
    this.transcript.info(
      `Port ${req.port} speaks implicit TLS (SSL/TLS), not STARTTLS: closing connection 1, continuing on connection 2`,
    );
    this.conn = null; // silences connection 1's hooks before it closes
    silent.close();
    // The tls step counts from when the greeting wait began: the silent wait and connection 2's
    // handshake are the time it took to find the port's TLS, so the step times still add up.
    const searchStart = this.current?.start ?? Date.now();
    this.startStep('tls');
    if (this.current) this.current.start = searchStart;
    const verdict = this.judgeTls(secure, 'implicit');
    if (verdict.refusal) throw new StepFailure(verdict.refusal);
    this.server.securityUsed = 'tls';
    this.endStep('tls', 'warn', this.implicitTlsFoundSummary(verdict.info), {
      ...verdict.info,
      handshakeMs: answer.handshakeMs,
      implicitTlsFound: true,
    });
    const conn = this.openSession(secure, true);
    this.startStep('greeting');
    await this.race(this.connectSession(conn));
  }

  /** The hooks through which the SMTP session reports its progress. */
  private observer(isActive: () => boolean): SessionObserver {
    return {
      onGreeting: (reply) => {
        if (!isActive()) return;
        this.greetingSeen?.();
        const greeting = this.redactor.scrub(reply);
        this.server.greeting = greeting;
        if (!isWelcomeGreeting(reply)) return; // nodemailer fails it; the classifier names it
        const banner = greeting.split(/\r?\n/)[0] ?? greeting;
        this.endStep('greeting', 'pass', L(`Server greeting: ${banner}`, `Saluto del server: ${banner}`), {
          greeting,
        });
        this.startStep('ehlo');
      },
      onEhlo: (reply, secure) => {
        if (!isActive()) return null;
        const facts = parseEhlo(reply);
        this.server.capabilities = facts.capabilities;
        this.server.authMechanisms = facts.authMechanisms;
        if (this.current?.id === 'ehlo') {
          this.endStep('ehlo', 'pass', this.ehloSummary(facts, secure), { ...facts, secure });
          return this.decideTlsAfterEhlo(facts);
        }
        if (this.current?.id === 'tls' && secure && this.tlsInfo) {
          this.server.securityUsed = 'starttls';
          this.endStep('tls', 'pass', this.tlsSummary(this.tlsInfo), {
            ...this.tlsInfo,
            capabilitiesAfterTls: facts.capabilities,
          });
        }
        return null;
      },
      onTlsStart: () => {
        if (isActive()) this.transcript.info('Starting TLS handshake (STARTTLS)');
      },
      onTlsEstablished: (socket) => {
        if (!isActive()) return new Error('Connection no longer in use');
        this.watchdog.restart(); // the handshake was one wait, the EHLO after it is the next
        const verdict = this.judgeTls(socket, 'starttls');
        if (!verdict.refusal) return null;
        this.hookFailure = new StepFailure(verdict.refusal);
        return new Error(`TLS refused: ${verdict.refusal}`);
      },
    };
  }

  /** After the (plaintext or implicit-TLS) EHLO: is a STARTTLS upgrade next, and is that allowed? */
  private decideTlsAfterEhlo(facts: EhloFacts | null): Error | null {
    if (this.implicitTls) return null;
    const mode = this.req.security;
    if (mode === 'none') {
      this.endStep(
        'tls',
        'warn',
        L('Not encrypted (security: none)', 'Non cifrata (sicurezza: nessuna)'),
        {},
      );
      return null;
    }
    if (facts?.starttls) {
      this.startStep('tls');
      return null;
    }
    if (mode === 'starttls') {
      this.startStep('tls');
      this.hookFailure = new StepFailure('tls.starttls-unavailable');
      return this.hookFailure;
    }
    this.endStep(
      'tls',
      'warn',
      L(
        'The server offers no encryption (no STARTTLS)',
        'Il server non offre crittografia (niente STARTTLS)',
      ),
      {},
    );
    return null;
  }

  private async authStep(): Promise<void> {
    const auth = this.req.auth;
    const conn = this.conn;
    if (!auth || !conn) {
      this.skipReasons.set(
        'auth',
        L('No credentials given: login not tested', 'Nessuna credenziale: accesso non provato'),
      );
      return;
    }
    this.startStep('auth');
    if (!conn.secure && !this.req.allowPlaintextAuth) throw new StepFailure('auth.plaintext-refused');
    const offered = this.server.authMechanisms;
    if (!offered.length) throw new StepFailure('auth.not-offered');
    const mechanism = pickMechanism(auth, offered);
    if (!mechanism) throw new StepFailure('auth.method-unsupported');
    let loginData: Record<string, unknown>;
    if (auth.method === 'password') {
      loginData = { method: mechanism, user: auth.user, pass: auth.password };
    } else {
      const token = await this.accessToken(auth);
      loginData = { method: XOAUTH2_HANDLER, user: auth.user, xoauth2Token: token };
    }
    this.transcript.info(`Logging in as ${auth.user} with ${mechanism}`);
    await this.race(this.connectionOp<boolean | undefined>(conn, (done) => conn.login(loginData, done)));
    this.endStep(
      'auth',
      'pass',
      L(`Logged in as ${auth.user} (${mechanism})`, `Accesso riuscito come ${auth.user} (${mechanism})`),
      {
        mechanism,
        user: auth.user,
      },
    );
  }

  private async accessToken(auth: Extract<AuthInput, { method: 'oauth2' }>): Promise<string> {
    if (auth.accessToken) return auth.accessToken;
    try {
      const token = await this.race(Promise.resolve().then(() => auth.getAccessToken!()));
      if (typeof token !== 'string' || !token) throw new Error('empty token');
      this.redactor.addSecret(token, auth.user);
      this.watchdog.restart(); // getting the token was one wait, AUTH's reply is the next
      return token;
    } catch (err) {
      if (err instanceof StepTimeout || err instanceof Cancelled) throw err;
      // The OAuth module may name its own catalogue entry for why no token is available.
      const id = (err as { diagnosisId?: unknown } | null)?.diagnosisId;
      throw new StepFailure(typeof id === 'string' && getDiagnosis(id) ? id : 'auth.token-unavailable');
    }
  }

  private async sendStep(): Promise<void> {
    const send = this.req.send;
    const conn = this.conn;
    if (!send || !conn) {
      this.skipReasons.set('send', L('No test message requested', 'Nessun messaggio di prova richiesto'));
      return;
    }
    this.startStep('send');
    const sent = await this.race(
      this.connectionOp<{ response: string; accepted: string[]; rejected: string[] }>(conn, (done) =>
        conn.send({ from: send.from, to: [send.to] }, testMessage(send.from, send.to), (err, sent) =>
          done(err ?? null, sent as never),
        ),
      ),
    );
    const response = this.redactor.scrub(sent.response);
    this.endStep('send', 'pass', L(`Message accepted: ${response}`, `Messaggio accettato: ${response}`), {
      response,
      accepted: sent.accepted,
      rejected: sent.rejected,
    });
  }

  /**
   * A polite QUIT. The verdict is known before it, so the result does not wait for the server's
   * 221: closeAll ends the connection gracefully in the background (QUIT is flushed, then FIN).
   */
  private quit(): void {
    const conn = this.conn;
    if (!conn || conn.destroyed) return;
    conn.quit();
    this.transcript.info('QUIT sent; the result does not wait for the reply');
    this.quitSent = true;
  }

  // ------------------------------------------------------------------ follow-ups

  /** Opens a second connection and returns the first line the port sends, or null. */
  private async followUpPlainGreeting(): Promise<string | null> {
    const address = this.server.address;
    if (!address) return null;
    const limit = Math.min(FOLLOW_UP_TIMEOUT_MS, this.timeoutMs);
    const attempt = new Promise<string | null>((resolve) => {
      const socket = net.connect({ host: address, port: this.req.port });
      this.sockets.add(socket);
      let data = '';
      const finish = (value: string | null): void => {
        socket.destroy();
        resolve(value);
      };
      socket.setTimeout(limit, () => finish(null));
      socket.on('data', (chunk: Buffer) => {
        data += chunk.toString('latin1');
        const end = data.indexOf('\n');
        if (end >= 0) finish(data.slice(0, end).trim());
        else if (data.length > MAX_REPLY_BYTES) finish(null);
      });
      socket.once('error', () => finish(null));
      socket.once('close', () => finish(data.trim() || null));
    });
    return this.boundedFollowUp(attempt, limit);
  }

  private async boundedFollowUp<T>(attempt: Promise<T>, limit: number): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), limit)));
    try {
      return await Promise.race([attempt, timeout, this.cancelledPromise]);
    } finally {
      clearTimeout(timer);
    }
  }

  // ------------------------------------------------------------------ plumbing

  /**
   * Runs one nodemailer call and settles with its callback, or with the error or close that
   * nodemailer reports outside the callback (a close during login does not call it back).
   */
  private connectionOp<T>(
    conn: ObservedConnection,
    start: (done: (err: Error | null, value?: T) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cleanup = (): void => {
        conn.removeListener('error', onError);
        conn.removeListener('end', onEnd);
      };
      const onError = (err: Error): void => {
        cleanup();
        reject(this.hookFailure ?? err);
      };
      // A server that replies (421 …) and closes at once: nodemailer may see the close before it
      // hands the reply to the callback (pipelined MAIL FROM / RCPT TO). The reply names the cause
      // better than "closed", so the close only wins if no callback follows right after it.
      const onEnd = (): void => {
        setImmediate(() => {
          cleanup();
          reject(
            this.hookFailure ??
              Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }),
          );
        });
      };
      conn.on('error', onError);
      conn.once('end', onEnd);
      start((err, value) => {
        cleanup();
        if (err) reject(this.hookFailure ?? err);
        else resolve(value as T);
      });
    });
  }

  /** Greeting, EHLO and (when due) STARTTLS: nodemailer's connect() on the socket it was given. */
  private connectSession(conn: ObservedConnection): Promise<void> {
    return this.connectionOp<void>(conn, (done) => conn.connect((err) => done(err ?? null)));
  }

  private race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.interrupted]);
  }

  private onAbort(): void {
    this.isCancelled = true;
    const err = new Cancelled();
    this.interrupt(err);
    this.cancel(err);
    // Close at once: the awaiting code unwinds through the rejected promises.
    this.closeAll();
  }

  private startStep(id: StepId): void {
    this.clearWatchdog();
    this.current = { id, start: Date.now() };
    this.watchdog.start(id);
    this.emit({ type: 'step-start', id });
  }

  private endStep(
    id: StepId,
    status: StepStatus,
    summary: Localized,
    details: Record<string, unknown>,
  ): void {
    const start = this.current?.id === id ? this.current.start : Date.now();
    if (this.current?.id === id) {
      this.clearWatchdog();
      this.current = null;
    }
    const step: StepResult = {
      id,
      status,
      ms: Date.now() - start,
      summary,
      details,
    };
    this.steps.set(id, step);
    this.emit({ type: 'step-end', step });
  }

  private clearWatchdog(): void {
    this.watchdog.stop();
  }

  private emit(event: ProbeEvent): void {
    try {
      this.opts.onEvent?.(event);
    } catch {
      // A broken listener must not break the test.
    }
  }

  private async fail(err: unknown): Promise<void> {
    const step = this.current?.id ?? 'greeting';
    if (err instanceof Cancelled || this.isCancelled) {
      this.transcript.info('Test cancelled');
      if (this.current) this.endStep(step, 'skip', L('Cancelled', 'Annullato'), {});
      return;
    }
    const failure = err instanceof StepFailure ? err : this.hookFailure;
    const facts = factsFromError(err, step);
    const id = failure ? failure.diagnosisId : classify(facts);
    const rawReply = failure?.reply ?? facts.reply ?? (id === 'unknown' ? facts.message : null);
    const reply = rawReply ? this.redactor.scrub(rawReply).slice(0, MAX_REPLY_IN_DIAGNOSIS) : null;
    this.diagnosis = { id, step, reply, params: this.params() };
    const message = this.redactor.scrub(facts.message);
    if (!failure) this.transcript.info(`Error: ${message}`);
    const en = renderDiagnosis(this.diagnosis, 'en');
    const it = renderDiagnosis(this.diagnosis, 'it');
    const details: Record<string, unknown> = {
      diagnosis: id,
      error: message,
      code: facts.sysCode ?? facts.code,
    };
    if (step === 'tls' && this.tlsInfo) Object.assign(details, this.tlsInfo);
    this.endStep(step, 'fail', L(en.title, it.title), details);
  }

  private params(): Record<string, string> {
    return {
      host: this.req.host,
      port: String(this.req.port),
      security: this.req.security,
      user: this.req.auth?.user ?? '',
      mechanisms: this.server.authMechanisms.join(', ') || 'none',
    };
  }

  private closeAll(): void {
    // After QUIT nodemailer ends the socket gracefully, and destroys it after QUIT_GRACE_MS if the
    // server never closes its side; the sockets under it must live that long too.
    this.conn?.close();
    const sockets = [...this.sockets].reverse();
    this.sockets.clear();
    // Wrapping sockets first: destroying a TLS socket's transport under it crashes Node 20.
    const destroy = (): void => sockets.forEach((socket) => socket.destroy());
    if (!this.quitSent || this.isCancelled) return destroy();
    // The verdict is out: the goodbye (QUIT, the server's 221 and FIN) must not keep a process
    // alive that has nothing else to do, so the closing sockets no longer hold the event loop.
    for (const socket of sockets) socket.unref();
    setTimeout(destroy, QUIT_GRACE_MS).unref();
  }

  private result(): ProbeResult {
    const steps = STEP_IDS.map((id) => this.steps.get(id) ?? this.skipped(id));
    const auth = this.req.auth;
    return {
      ok: !this.isCancelled && !this.diagnosis && !steps.some((s) => s.status === 'fail'),
      request: {
        host: this.req.host,
        port: this.req.port,
        security: this.req.security,
        user: auth?.user ?? null,
        authMethod: auth?.method ?? null,
      },
      steps,
      diagnosis: this.diagnosis,
      server: this.server,
      tls: this.tlsInfo,
      transcript: this.transcript.lines,
      startedAt: this.startedAt,
      totalMs: Date.now() - this.t0,
      cancelled: this.isCancelled,
    };
  }

  private skipped(id: StepId): StepResult {
    const summary = this.skipReasons.get(id) ?? L('Not reached', 'Non raggiunto');
    const step: StepResult = { id, status: 'skip', ms: 0, summary };
    this.emit({ type: 'step-end', step });
    return step;
  }

  /** Judges a completed handshake (see tls-inspect) and records what it showed. */
  private judgeTls(socket: tls.TLSSocket, mode: TlsInfo['mode']): TlsVerdict {
    const verdict = inspectTls(socket, this.req.host, mode);
    this.tlsInfo = verdict.info;
    const info = verdict.info;
    this.transcript.info(
      `TLS ${info.protocol ?? '?'} ${info.cipher ?? '?'}; certificate ${info.subject ?? '?'} issued by ${info.issuer ?? '?'}; ` +
        `trusted: ${info.trusted ? 'yes' : `no (${info.trustError})`}; name matches: ${info.hostnameMatches ? 'yes' : 'no'}`,
    );
    return verdict;
  }

  private tlsSummary(info: TlsInfo): Localized {
    const how = info.mode === 'starttls' ? 'STARTTLS' : 'SSL/TLS';
    return L(
      `Encrypted with ${info.protocol ?? 'TLS'} (${how}), certificate trusted`,
      `Cifrata con ${info.protocol ?? 'TLS'} (${how}), certificato attendibile`,
    );
  }

  /** Auto mode found implicit TLS on a silent port: it works, but the other system must say SSL/TLS. */
  private implicitTlsFoundSummary(info: TlsInfo): Localized {
    const { port } = this.req;
    const protocol = info.protocol ?? 'TLS';
    return L(
      `Encrypted with ${protocol}, certificate trusted, but port ${port} speaks implicit TLS (SSL/TLS), not STARTTLS: set the other system to SSL/TLS for this port`,
      `Cifrata con ${protocol}, certificato attendibile, ma la porta ${port} usa TLS implicito (SSL/TLS), non STARTTLS: nell’altro sistema imposta SSL/TLS per questa porta`,
    );
  }

  private ehloSummary(facts: EhloFacts, secure: boolean): Localized {
    const auth = facts.authMechanisms.length ? facts.authMechanisms.join(' ') : null;
    const en = secure ? 'Already encrypted' : `STARTTLS ${facts.starttls ? 'offered' : 'not offered'}`;
    const it = secure ? 'Già cifrata' : `STARTTLS ${facts.starttls ? 'offerto' : 'non offerto'}`;
    return L(
      `${en}; login: ${auth ?? 'not offered (yet)'}`,
      `${it}; accesso: ${auth ?? 'non offerto (per ora)'}`,
    );
  }
}

/**
 * nodemailer runs its built-in XOAUTH2 only with its own token generator and otherwise falls back
 * to another mechanism; under its own name our handler always runs, and sends AUTH XOAUTH2 itself.
 */
const XOAUTH2_HANDLER = 'MAILCHECK-XOAUTH2';

/** PLAIN, then LOGIN for passwords; XOAUTH2 for tokens. Null when the server offers none of them. */
function pickMechanism(auth: AuthInput, offered: string[]): string | null {
  const wanted = auth.method === 'password' ? ['PLAIN', 'LOGIN'] : ['XOAUTH2'];
  return wanted.find((m) => offered.includes(m)) ?? null;
}

/**
 * XOAUTH2 (RFC 7628-style, as Google and Microsoft speak it) as a custom handler, so the token
 * comes from our provider. On failure the server sends a 334 challenge with a JSON error and
 * expects an empty line before its final reply.
 */
async function xoauth2Handler(ctx: {
  auth: { user?: string; xoauth2Token?: string };
  sendCommand(cmd: string): Promise<{ status: number; response: string }>;
}): Promise<void> {
  const response = xoauth2Response(ctx.auth.user ?? '', ctx.auth.xoauth2Token ?? '');
  const payload = Buffer.from(response, 'utf8').toString('base64');
  let reply = await ctx.sendCommand(`AUTH XOAUTH2 ${payload}`);
  if (reply.status === 334) reply = await ctx.sendCommand('');
  if (reply.status !== 235) throw new Error('Invalid login');
}

function testMessage(from: string, to: string): string {
  const domain = from.split('@')[1] ?? 'mailcheck.invalid';
  const id = `${randomBytes(12).toString('hex')}@${domain}`;
  return [
    `From: <${from}>`,
    `To: <${to}>`,
    'Subject: Mailcheck test message / messaggio di prova',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${id}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'This message was sent by Mailcheck to test your mail settings. You can delete it.',
    'Questo messaggio è stato inviato da Mailcheck per provare le impostazioni di posta. Puoi eliminarlo.',
    '',
  ].join('\r\n');
}
