/**
 * The overall deadline of one probe, derived from `timeoutMs` (which bounds each network wait):
 * the number of waits the run can have, each at the limit. It is a backstop that ends ANY run,
 * whatever a server does; a server that answers every wait within timeoutMs never reaches it.
 *
 * The waits counted:
 * - always 5: DNS, connect, greeting, EHLO, and the one bounded diagnostic follow-up connection;
 * - TLS (every mode but `none`) 3: STARTTLS, the handshake, the second EHLO (implicit TLS needs
 *   only the handshake, counted the same);
 * - credentials 3: AUTH LOGIN has three replies (PLAIN one; XOAUTH2 two, after getting a token);
 * - the send test 4: MAIL, RCPT, DATA and the end of the message.
 *
 * E.g. the default 15 s with STARTTLS and a password: 11 × 15 s = 165 s; with the send test 225 s.
 */
import type { ProbeRequest } from '../../shared/probe-types';

export function plannedWaits(req: Pick<ProbeRequest, 'security' | 'auth' | 'send'>): number {
  let waits = 5;
  if (req.security !== 'none') waits += 3;
  if (req.auth) waits += 3;
  if (req.send) waits += 4;
  return waits;
}

export function overallDeadlineMs(
  req: Pick<ProbeRequest, 'security' | 'auth' | 'send'>,
  timeoutMs: number,
): number {
  return plannedWaits(req) * timeoutMs;
}
