/**
 * A real DNS server on loopback (dns2, UDP) answering from a small zone, for discovery tests:
 * MAILCHECK_DNS_SERVERS=127.0.0.1:<port> (CLI) or `dnsServers` (engine) sends every query here.
 * Names not in the zone get NXDOMAIN; a known name without the asked type gets an empty answer.
 * Every question is recorded, so a test can show that a lookup went (or did not go) here.
 */
import dns2 from 'dns2';

const { Packet } = dns2;
/** The typings lack RCODE and want class instances; the plain records below are what dns2 encodes. */
const NXDOMAIN = 3;
type Answer = Parameters<InstanceType<typeof Packet>['answers']['push']>[0];

export interface ZoneEntry {
  A?: string[];
  AAAA?: string[];
  MX?: Array<{ exchange: string; priority: number }>;
  SRV?: Array<{ priority: number; weight: number; port: number; target: string }>;
  TXT?: string[];
}

export type Zone = Record<string, ZoneEntry>;

export interface TestDnsServer {
  /** `127.0.0.1:<port>`, the MAILCHECK_DNS_SERVERS value. */
  server: string;
  /** Every question asked, as `TYPE name`. */
  questions: string[];
  zone: Zone;
  close(): Promise<void>;
}

const TYPE_NAMES: Record<number, keyof ZoneEntry> = {
  [Packet.TYPE.A]: 'A',
  [Packet.TYPE.AAAA]: 'AAAA',
  [Packet.TYPE.MX]: 'MX',
  [Packet.TYPE.SRV]: 'SRV',
  [Packet.TYPE.TXT]: 'TXT',
};

/** `delayMs`: each answer waits this long (a resolver's round trip, for the benchmark). */
export async function startDnsServer(zone: Zone, opts: { delayMs?: number } = {}): Promise<TestDnsServer> {
  const questions: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request, rawSend) => {
      const send = (r: Parameters<typeof rawSend>[0]): void => {
        if (opts.delayMs) setTimeout(() => rawSend(r), opts.delayMs);
        else rawSend(r);
      };
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      if (!question) return send(response);
      const name = question.name.toLowerCase().replace(/\.$/, '');
      const type = TYPE_NAMES[question.type];
      questions.push(`${type ?? question.type} ${name}`);
      const entry = zone[name];
      if (!entry) {
        response.header.rcode = NXDOMAIN;
        return send(response);
      }
      const base = { name: question.name, class: Packet.CLASS.IN, ttl: 60 };
      const push = (record: Record<string, unknown>): void => {
        response.answers.push({ ...base, ...record } as unknown as Answer);
      };
      for (const address of type === 'A' ? (entry.A ?? []) : []) push({ type: Packet.TYPE.A, address });
      for (const address of type === 'AAAA' ? (entry.AAAA ?? []) : [])
        push({ type: Packet.TYPE.AAAA, address });
      for (const mx of type === 'MX' ? (entry.MX ?? []) : []) push({ type: Packet.TYPE.MX, ...mx });
      for (const srv of type === 'SRV' ? (entry.SRV ?? []) : []) push({ type: Packet.TYPE.SRV, ...srv });
      for (const data of type === 'TXT' ? (entry.TXT ?? []) : []) push({ type: Packet.TYPE.TXT, data });
      send(response);
    },
  });
  server.on('requestError', () => undefined);
  const addresses = (await server.listen({ udp: { port: 0, address: '127.0.0.1' } })) as {
    udp: { port: number };
  };
  return {
    server: `127.0.0.1:${addresses.udp.port}`,
    questions,
    zone,
    close: () => server.close() as Promise<void>,
  };
}
