/**
 * Discovery benchmark (`npm run bench`): `discover()` for a domain only guessing can find, against
 * a sequential baseline, with a network round trip on every exchange.
 *
 * Setup: bench/discovery-world.ts (a DNS server with a 100 ms round trip, real mail servers behind
 * 50 ms-each-way proxies on 127.77.9.x, only guessing finds them), in a child process of its own so
 * that the servers' TLS work does not share the measured client's event loop.
 *
 * Contenders, interleaved, BENCH_ROUNDS rounds (default 5), medians:
 * - one probe: runProbe of smtp.bench-shop.test:587 (its dns step included), the unit of the target;
 * - discover(): every source in parallel, guesses started 30 ms apart, best-first cut;
 * - sequential: the same sources awaited one after another, then the guesses probed one at a time
 *   in the same order, stopping at the first answer per protocol (what a simple client does);
 * - the CLI process end to end (node bin/mailcheck.js discover --json).
 * Target (issue 11): discovery within about one probe's time plus the DNS answers.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { discover } from '../src/engine/discovery';
import { DiscoveryDns } from '../src/engine/discovery/dns';
import { defaultIspdbDir, Ispdb } from '../src/engine/discovery/ispdb';
import { LookupLog } from '../src/engine/discovery/lookup-log';
import { autoconfigSource } from '../src/engine/discovery/sources/autoconfig';
import type { SourceContext } from '../src/engine/discovery/sources/context';
import { guessCandidates } from '../src/engine/discovery/sources/guess';
import { ispdbSource } from '../src/engine/discovery/sources/ispdb';
import { mxSource } from '../src/engine/discovery/sources/mx';
import { srvSource } from '../src/engine/discovery/sources/srv';
import type { MailProtocol } from '../src/engine/discovery/types';
import { Verifier } from '../src/engine/discovery/verify';
import { runProbe } from '../src/engine/probe';
import { DEFAULT_ONE_WAY_DELAY_MS } from './delay-proxy';
import { ADDRESS, CLOSED_ISPDB, DNS_DELAY_MS, DOMAIN } from './discovery-world';

const DEFAULT_ROUNDS = 5;
/** discover() may take this much longer than one probe (the DNS answer before it, the stagger). */
const TARGET_OVER_PROBE = 1.3;
const REPO = join(__dirname, '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** The sequential baseline: the same sources and probes, one at a time. */
async function sequential(dnsServer: string): Promise<string | null> {
  const log = new LookupLog();
  const dns = new DiscoveryDns([dnsServer], log);
  const signal = new AbortController().signal;
  const verifier = new Verifier(dns, signal, () => 5_000);
  const ctx: SourceContext = {
    address: ADDRESS,
    domain: DOMAIN,
    dns,
    log,
    ispdb: new Ispdb(defaultIspdbDir(), CLOSED_ISPDB, log),
    signal,
    fetch: { dns, signal, timeoutMs: 5_000 },
    verifier,
    probeSignal: signal,
  };
  for (const source of [autoconfigSource, ispdbSource, mxSource, srvSource]) {
    const finding = await source(ctx);
    const smtp = finding?.candidates.find((c) => c.protocol === 'smtp');
    if (smtp) return smtp.host;
  }
  let smtpHost: string | null = null;
  const found = new Set<MailProtocol>();
  for (const candidate of guessCandidates(ADDRESS, DOMAIN).sort((a, b) =>
    a.protocol === b.protocol
      ? 0
      : ['smtp', 'imap', 'pop3'].indexOf(a.protocol) - ['smtp', 'imap', 'pop3'].indexOf(b.protocol),
  )) {
    if (found.has(candidate.protocol)) continue;
    if (!(await dns.addresses(candidate.host).catch(() => [])).length) continue;
    const verification = await verifier.verify(candidate);
    if (verification.ok) {
      found.add(candidate.protocol);
      if (candidate.protocol === 'smtp') smtpHost = candidate.host;
    }
  }
  return smtpHost;
}

function timeCli(env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin', 'mailcheck.js'), 'discover', ADDRESS, '--json'],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const ms = performance.now() - start;
      if (code !== 0) reject(new Error(`CLI exit ${code}: ${out.slice(0, 300)}`));
      else resolve(ms);
    });
  });
}

interface WorldProcess {
  dnsServer: string;
  caPem: string;
  cliEnv: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** The servers in a child process (discovery-world-server.ts): they must not share our event loop. */
function startWorldProcess(): Promise<WorldProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'discovery-world-server.ts')], {
      cwd: REPO,
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the world process ended (exit ${code})`)));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const end = out.indexOf('\n');
      if (end < 0) return;
      const info = JSON.parse(out.slice(0, end)) as Omit<WorldProcess, 'close'>;
      resolve({
        ...info,
        close: () =>
          new Promise<void>((done) => {
            child.once('close', () => done());
            child.stdin.end();
          }),
      });
    });
  });
}

/** Where the measuring process finds the world: set by the parent for the child (see main). */
const WORLD_ENV = 'MAILCHECK_BENCH_WORLD';

/**
 * The parent starts the world, then runs the measurements in a child that trusts the test CA through
 * NODE_EXTRA_CA_CERTS, like the CLI and like a user's system store: passing the CA as `caPem` would
 * make every TLS handshake build a context with all the system roots (≈ 20 ms of CPU each), which
 * discovery's parallel handshakes would pay many times over and no real run pays.
 */
async function main(): Promise<void> {
  if (process.env[WORLD_ENV])
    return measure(JSON.parse(process.env[WORLD_ENV]) as Omit<WorldProcess, 'close'>);
  const world = await startWorldProcess();
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', __filename], {
      cwd: REPO,
      env: { ...process.env, ...world.cliEnv, [WORLD_ENV]: JSON.stringify({ ...world, close: undefined }) },
      stdio: 'inherit',
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0) process.exitCode = code ?? 1;
  } finally {
    await world.close();
  }
}

async function measure(world: Omit<WorldProcess, 'close'>): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? DEFAULT_ROUNDS);
  const { dnsServer } = world;
  const samples = {
    probe: [] as number[],
    discover: [] as number[],
    sequential: [] as number[],
    cli: [] as number[],
  };
  const runners: Array<() => Promise<void>> = [
    async () => {
      const dnsClient = new DiscoveryDns([dnsServer], new LookupLog());
      const start = performance.now();
      const result = await runProbe(
        { host: `smtp.${DOMAIN}`, port: 587, security: 'starttls', timeoutMs: 5_000 },
        { lookup: dnsClient.probeLookup },
      );
      if (!result.ok) throw new Error(`probe failed: ${result.diagnosis?.id}`);
      samples.probe.push(performance.now() - start);
    },
    async () => {
      const start = performance.now();
      const result = await discover(ADDRESS, { dnsServers: [dnsServer], ispdbUrl: CLOSED_ISPDB });
      if (!result.smtp?.verified) throw new Error('discover() found no verified SMTP');
      samples.discover.push(performance.now() - start);
    },
    async () => {
      const start = performance.now();
      if (!(await sequential(dnsServer))) throw new Error('the sequential baseline found no SMTP');
      samples.sequential.push(performance.now() - start);
    },
    async () => void samples.cli.push(await timeCli(world.cliEnv)),
  ];
  for (const run of runners) await run(); // warm-up, not measured
  for (const list of Object.values(samples)) list.length = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < runners.length; i++) await runners[(round + i) % runners.length]?.();
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<
    keyof typeof samples,
    number
  >;
  const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;
  const overProbe = m.discover / m.probe;
  const lines = [
    `Discovery benchmark: ${ADDRESS} (found only by guessing), ${DEFAULT_ONE_WAY_DELAY_MS} ms each way on every TCP exchange, DNS answers after ${DNS_DELAY_MS} ms, ${rounds} interleaved rounds, medians`,
    '',
    '| contender | median |',
    '| --- | ---: |',
    `| one probe: runProbe smtp.${DOMAIN}:587 STARTTLS, dns step included | ${fmt(m.probe)} |`,
    `| discover(): all sources in parallel, SMTP + IMAP + POP3 verified | ${fmt(m.discover)} |`,
    `| sequential baseline: same sources and probes, one at a time | ${fmt(m.sequential)} |`,
    `| CLI process end to end (mailcheck discover --json) | ${fmt(m.cli)} |`,
    '',
    '| ratio | value | target |',
    '| --- | ---: | --- |',
    `| discover / one probe | ${overProbe.toFixed(2)} | ≤ ${TARGET_OVER_PROBE} (${overProbe <= TARGET_OVER_PROBE ? 'met' : 'MISSED'}) |`,
    `| sequential / discover | ${(m.sequential / m.discover).toFixed(2)} | (how much the parallel design saves) |`,
    '',
    `Raw samples (ms): ${JSON.stringify(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => Math.round(x))])))}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
