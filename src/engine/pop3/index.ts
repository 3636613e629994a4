/** POP3 for the runner: 995 implicit TLS, 110 with STLS (RFC 1939, RFC 2595, RFC 8314). */
import type { ProtocolModule } from '../runner/protocol';
import { POP3_RULES } from './classify';
import { Pop3Session } from './session';

export const pop3Protocol: ProtocolModule = {
  id: 'pop3',
  name: 'POP3',
  starttlsName: 'STLS',
  implicitTlsPort: 995,
  rules: POP3_RULES,
  isGreeting: (line) => /^\+OK\b/i.test(line),
  open: (conn) => new Pop3Session(conn),
};

export { POP3_RULES } from './classify';
