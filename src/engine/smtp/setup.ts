/**
 * Greeting, EHLO and STARTTLS (old probe/run.ts `smtpSetup`): the steps `greeting`, `ehlo` and
 * `tls` run inside nodemailer's connect(), observed through the hooks (observer.ts); a silent
 * plaintext port is asked about implicit TLS in parallel (silent-port.ts).
 */
import type net from 'node:net';
import { connectSession, openSession } from './connection';
import { decideTlsAfterEhlo } from './observer';
import { plaintextSetup } from './silent-port';
import { L, type SmtpRun } from './state';

/** Greeting, EHLO and (when due) STARTTLS with its second EHLO: the steps `greeting`, `ehlo`, `tls`. */
export async function smtpSetup(run: SmtpRun, socket: net.Socket): Promise<void> {
  const { ctx } = run;
  const conn = openSession(run, socket, run.implicitTls);
  run.startStep('greeting');
  if (run.implicitTls) {
    await run.race(connectSession(run, conn));
  } else {
    await plaintextSetup(run, conn, socket);
  }
  const session = run.conn ?? conn;
  // The server fell back to HELO: no EHLO facts, but the session goes on.
  if (ctx.currentStep === 'ehlo') {
    run.endStep(
      'ehlo',
      'warn',
      L('The server only understands HELO: no extensions', 'Il server capisce solo HELO: nessuna estensione'),
      {},
    );
    decideTlsAfterEhlo(run, null);
  }
  if (!ctx.hasStep('tls')) run.endStep('tls', 'warn', L('Not encrypted', 'Non cifrata'), {});
  ctx.server.securityUsed = run.implicitTls ? 'tls' : session.secure ? 'starttls' : 'none';
}
