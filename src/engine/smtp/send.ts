/**
 * The `send` step and the goodbye (old probe/run.ts `sendStep`, `quit`): MAIL FROM, RCPT TO and
 * DATA of the short test message (nodemailer dot-stuffs it), the queue reply reported, scrubbed;
 * then QUIT, not awaited.
 */
import { capBytes } from '../../shared/clip';
import { connectionOp } from './connection';
import { testMessage } from './message';
import { L, type SmtpRun } from './state';

export async function sendStep(run: SmtpRun): Promise<void> {
  const { ctx } = run;
  const send = run.req.send;
  const conn = run.conn;
  if (!send || !conn) {
    ctx.skipBecause('send', L('No test message requested', 'Nessun messaggio di prova richiesto'));
    return;
  }
  run.startStep('send');
  const sent = await run.race(
    connectionOp<{ response: string; accepted: string[]; rejected: string[] }>(run, conn, (done) =>
      conn.send({ from: send.from, to: [send.to] }, testMessage(send.from, send.to), (err, sent) =>
        done(err ?? null, sent as never),
      ),
    ),
  );
  const response = capBytes(ctx.redactor.scrub(sent.response));
  run.endStep('send', 'pass', L(`Message accepted: ${response}`, `Messaggio accettato: ${response}`), {
    response,
    accepted: sent.accepted,
    rejected: sent.rejected,
  });
}

/**
 * A polite QUIT. The verdict is known before it, so the result does not wait for the server's
 * 221: closeAll ends the connection gracefully in the background (QUIT is flushed, then FIN).
 */
export function quit(run: SmtpRun): void {
  const conn = run.conn;
  if (!conn || conn.destroyed) return;
  conn.quit();
  run.ctx.transcript.info('QUIT sent; the result does not wait for the reply');
  run.quitSent = true;
}
