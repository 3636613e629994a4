/**
 * Checks a ReceiveRequest before anything is sent: the protocol, then every other field exactly as
 * an SMTP request is checked (validateProbeRequest), so both sides of an account share one set of
 * rules and bilingual messages. A test message (`send`) belongs to SMTP only.
 */
import { RECEIVE_PROTOCOLS, type ReceiveRequest } from '../../shared/probe-types';
import { ProbeInputError, validateProbeRequest } from '../probe/validate';

export function validateReceiveRequest(input: unknown): ReceiveRequest {
  const req = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const protocol = req.protocol;
  if (typeof protocol !== 'string' || !(RECEIVE_PROTOCOLS as readonly string[]).includes(protocol)) {
    throw new ProbeInputError('protocol', {
      en: 'The protocol must be imap or pop3.',
      it: 'Il protocollo deve essere imap o pop3.',
    });
  }
  if (req.send !== undefined) {
    throw new ProbeInputError('send', {
      en: 'A test message can only be sent with SMTP.',
      it: 'Un messaggio di prova si può inviare solo con SMTP.',
    });
  }
  const { protocol: _protocol, clientName: _clientName, ...rest } = req;
  void _protocol;
  void _clientName;
  const checked = validateProbeRequest(rest);
  return { ...checked, protocol: protocol as ReceiveRequest['protocol'] };
}
