/** IMAP for the runner: 993 implicit TLS, 143 with STARTTLS (RFC 9051, RFC 8314). */
import type { ProtocolModule } from '../runner/protocol';
import { IMAP_RULES } from './classify';
import { ImapSession } from './session';

export const imapProtocol: ProtocolModule = {
  id: 'imap',
  name: 'IMAP',
  starttlsName: 'STARTTLS',
  implicitTlsPort: 993,
  rules: IMAP_RULES,
  isGreeting: (line) => /^\* (OK|PREAUTH)\b/i.test(line),
  open: (conn) => new ImapSession(conn),
};

export { IMAP_RULES } from './classify';
