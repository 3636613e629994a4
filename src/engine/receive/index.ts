/**
 * Checks the receiving side of an account: `runReceiveCheck(request, { signal, onEvent })` picks
 * the protocol module by `request.protocol` and runs it on the protocol-neutral runner. Electron-free:
 * the CLI, the main process and the tests all call this.
 */
import type { ReceiveProtocol, ReceiveRequest, ReceiveResult } from '../../shared/probe-types';
import { imapProtocol } from '../imap';
import { pop3Protocol } from '../pop3';
import type { ProtocolModule } from '../runner/protocol';
import { runWithProtocol, type RunReceiveOptions } from '../runner/receive';

export const RECEIVE_MODULES: Record<ReceiveProtocol, ProtocolModule> = {
  imap: imapProtocol,
  pop3: pop3Protocol,
};

export type { RunReceiveOptions } from '../runner/receive';
export { validateReceiveRequest } from '../runner/validate';

export function runReceiveCheck(
  request: ReceiveRequest,
  opts: RunReceiveOptions = {},
): Promise<ReceiveResult> {
  const protocol = RECEIVE_MODULES[request?.protocol] ?? imapProtocol;
  return runWithProtocol(protocol, request, opts);
}
