/**
 * SMTP benchmark (`npm run bench`): a real Postfix (test/mta) behind a 50 ms-each-way delay proxy;
 * N interleaved rounds of the engine, nodemailer's verify() (in-process and as a whole process),
 * swaks and the CLI; medians and ratios against the protocol minimum (11 one-way delays: greeting,
 * EHLO, STARTTLS, TLS 1.3, EHLO, AUTH). The processes (CLI, verify() process, swaks) are the
 * side-by-side comparison of issue 9. Set BENCH_ROUNDS to change N.
 */
import { startMta } from '../test/mta/mta';
import { startDelayProxy, DEFAULT_ONE_WAY_DELAY_MS } from './delay-proxy';
import {
  MACHINE_ONLY_ENV,
  timeCli,
  timeEngine,
  timeNodemailerVerify,
  timeSwaks,
  timeVerifyProcess,
  type Target,
} from './smtp-contenders';

const DEFAULT_ROUNDS = 9;
const ONE_WAY_DELAYS_TO_AUTH = 11;
const TARGETS = {
  engineOverVerify: 1.1,
  engineOverSwaks: 1,
  cliMinusEngineMs: 100,
  /** Issue 9: the CLI process within 1.05 × a verify() process, and at least 10% faster than swaks. */
  cliOverVerifyProcess: 1.05,
  cliOverSwaks: 0.9,
};

type Name = 'engine' | 'engineTotal' | 'verify' | 'verifyProcess' | 'swaks' | 'cli';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

const fmt = (ms: number): string => `${ms.toFixed(0)} ms`;

async function main(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? DEFAULT_ROUNDS);
  const mta = await startMta();
  const proxy = await startDelayProxy({ targetPort: mta.submissionPort, delayMs: DEFAULT_ONE_WAY_DELAY_MS });
  const target: Target = {
    host: '127.0.0.1',
    port: proxy.port,
    user: mta.user,
    password: mta.password,
    caPem: mta.caPem,
    caFile: mta.caFile,
  };
  const samples: Record<Name, number[]> = {
    engine: [],
    engineTotal: [],
    verify: [],
    verifyProcess: [],
    swaks: [],
    cli: [],
  };
  const runners: Array<() => Promise<void>> = [
    async () => {
      const t = await timeEngine(target);
      samples.engine.push(t.authVerdictMs);
      samples.engineTotal.push(t.totalMs);
    },
    async () => void samples.verify.push(await timeNodemailerVerify(target)),
    async () => void samples.verifyProcess.push(await timeVerifyProcess(target)),
    async () => void samples.swaks.push(await timeSwaks(target)),
    async () => void samples.cli.push(await timeCli(target)),
  ];
  try {
    // One unmeasured warm-up of each (JIT, TLS library, Postfix's first smtpd process).
    for (const run of runners) await run();
    for (const list of Object.values(samples)) list.length = 0;
    for (let round = 0; round < rounds; round++) {
      // Interleaved, and the order rotates each round, so drift hits every contender alike.
      for (let i = 0; i < runners.length; i++) await runners[(round + i) % runners.length]?.();
    }
  } catch (error) {
    await mta.dumpLogs();
    throw error;
  } finally {
    await proxy.close();
    await mta.stop();
  }

  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<
    Name,
    number
  >;
  const minimum = ONE_WAY_DELAYS_TO_AUTH * DEFAULT_ONE_WAY_DELAY_MS;
  const ratios = {
    engineOverVerify: m.engine / m.verify,
    engineOverSwaks: m.engine / m.swaks,
    cliMinusEngine: m.cli - m.engine,
    engineOverMinimum: m.engine / minimum,
    cliOverVerifyProcess: m.cli / m.verifyProcess,
    cliOverSwaks: m.cli / m.swaks,
  };
  const mark = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const lines = [
    `SMTP benchmark: Postfix submission (STARTTLS + AUTH PLAIN) behind a ${DEFAULT_ONE_WAY_DELAY_MS} ms-each-way proxy, ${rounds} interleaved rounds, medians`,
    '',
    '| contender | median |',
    '| --- | ---: |',
    `| engine, start → auth verdict | ${fmt(m.engine)} |`,
    `| engine, start → runProbe resolved (incl. QUIT) | ${fmt(m.engineTotal)} |`,
    `| nodemailer transporter.verify() | ${fmt(m.verify)} |`,
    `| nodemailer verify() as a process (node bench/verify-process.mjs) | ${fmt(m.verifyProcess)} |`,
    `| swaks --tls --auth --quit-after AUTH (process) | ${fmt(m.swaks)} |`,
    `| CLI process end to end (node bin/mailcheck.js --json) | ${fmt(m.cli)} |`,
    `| protocol minimum (${ONE_WAY_DELAYS_TO_AUTH} × ${DEFAULT_ONE_WAY_DELAY_MS} ms) | ${fmt(minimum)} |`,
    '',
    '| ratio | value | target |',
    '| --- | ---: | --- |',
    `| engine / verify | ${ratios.engineOverVerify.toFixed(2)} | ≤ ${TARGETS.engineOverVerify} (${mark(ratios.engineOverVerify <= TARGETS.engineOverVerify)}) |`,
    `| engine / swaks | ${ratios.engineOverSwaks.toFixed(2)} | < ${TARGETS.engineOverSwaks} (${mark(ratios.engineOverSwaks < TARGETS.engineOverSwaks)}) |`,
    `| CLI − engine | ${fmt(ratios.cliMinusEngine)} | ≤ ${TARGETS.cliMinusEngineMs} ms (${mark(ratios.cliMinusEngine <= TARGETS.cliMinusEngineMs)}) |`,
    `| engine / minimum | ${ratios.engineOverMinimum.toFixed(2)} | (1.00 is the floor) |`,
    `| CLI process / verify() process | ${ratios.cliOverVerifyProcess.toFixed(2)} | ≤ ${TARGETS.cliOverVerifyProcess} (${mark(ratios.cliOverVerifyProcess <= TARGETS.cliOverVerifyProcess)}) |`,
    `| CLI process / swaks | ${ratios.cliOverSwaks.toFixed(2)} | ≤ ${TARGETS.cliOverSwaks} (${mark(ratios.cliOverSwaks <= TARGETS.cliOverSwaks)}) |`,
    ...MACHINE_ONLY_ENV.filter((name) => process.env[name]).flatMap((name) => [
      '',
      `Note: ${name} is set here (${process.env[name]}); the CLI child runs without it (see bench/smtp-contenders.ts).`,
    ]),
    '',
    `Raw samples (ms): ${JSON.stringify(Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, v.map((x) => Math.round(x))])))}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
