/**
 * runProbe: the stable entry point of the SMTP check, for the CLI, the main process and the tests.
 * The check itself runs on the protocol-neutral runner with the SMTP module (src/engine/smtp/);
 * this file only validates the request (ProbeInputError is the one thing runProbe throws).
 */
import type { ProbeRequest, ProbeResult } from '../../shared/probe-types';
import { runSmtp, type RunProbeOptions } from '../smtp';
import { validateProbeRequest } from './validate';

export type { RunProbeOptions } from '../smtp';

export async function runProbe(input: ProbeRequest, opts: RunProbeOptions = {}): Promise<ProbeResult> {
  const req = validateProbeRequest(input);
  return runSmtp(req, opts);
}
