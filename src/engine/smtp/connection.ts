/**
 * The SMTP conversation on a socket the engine opened (old probe/run.ts `openSession`,
 * `connectionOp`, `connectSession`): nodemailer's SMTPConnection, observed through the hooks of
 * session.ts, runs greeting, EHLO, STARTTLS and EHLO again; each complete reply restarts the
 * watchdog through the transcript logger.
 */
import type net from 'node:net';
import { LIBRARY_TIMEOUT_GRACE_MS, MAX_REPLY_BYTES, QUIT_GRACE_MS } from '../probe/constants';
import { tlsOptions } from '../runner/tls-inspect';
import { XOAUTH2_HANDLER, xoauth2Handler } from './auth-mechanisms';
import { observer } from './observer';
import { ObservedConnection } from './session';
import type { SmtpRun } from './state';

/** An SMTP session (nodemailer) on a socket the engine opened, observed through the hooks. */
export function openSession(run: SmtpRun, socket: net.Socket, secure: boolean): ObservedConnection {
  const { req, ctx } = run;
  const backstop = run.timeoutMs + LIBRARY_TIMEOUT_GRACE_MS;
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
      connectionTimeout: run.deadlineMs + LIBRARY_TIMEOUT_GRACE_MS,
      greetingTimeout: backstop,
      socketTimeout: backstop,
      socketCloseTimeout: QUIT_GRACE_MS,
      maxResponseSize: MAX_REPLY_BYTES,
      // Each complete reply ends one wait: the next one gets the full timeout.
      logger: ctx.transcript.nodemailerLogger(() => run.restartWait()),
      transactionLog: true,
      customAuth: { [XOAUTH2_HANDLER]: xoauth2Handler },
    },
    // The hooks of a session the probe has moved away from (a silent first connection) stay quiet.
    observer(run, () => run.conn === conn),
  );
  run.conn = conn;
  // nodemailer emits 'error' for failures outside a pending call: without a listener it would throw.
  conn.on('error', () => undefined);
  return conn;
}

/**
 * Runs one nodemailer call and settles with its callback, or with the error or close that
 * nodemailer reports outside the callback (a close during login does not call it back).
 */
export function connectionOp<T>(
  run: SmtpRun,
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
      reject(run.hookFailure ?? err);
    };
    // A server that replies (421 …) and closes at once: nodemailer may see the close before it
    // hands the reply to the callback (pipelined MAIL FROM / RCPT TO). The reply names the cause
    // better than "closed", so the close only wins if no callback follows right after it.
    const onEnd = (): void => {
      setImmediate(() => {
        cleanup();
        reject(
          run.hookFailure ??
            Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' }),
        );
      });
    };
    conn.on('error', onError);
    conn.once('end', onEnd);
    start((err, value) => {
      cleanup();
      if (err) reject(run.hookFailure ?? err);
      else resolve(value as T);
    });
  });
}

/** Greeting, EHLO and (when due) STARTTLS: nodemailer's connect() on the socket it was given. */
export function connectSession(run: SmtpRun, conn: ObservedConnection): Promise<void> {
  return connectionOp<void>(run, conn, (done) => conn.connect((err) => done(err ?? null)));
}
