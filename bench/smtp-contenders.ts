/**
 * What the SMTP benchmark times, each against the same server and settings: the engine (to its
 * auth verdict), nodemailer's verify() in-process and as a whole process, swaks, and the built CLI
 * end to end.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { runProbe } from '../src/engine/probe';

/** Generous: a run under the 50 ms proxy takes well under a second. */
const RUN_TIMEOUT_MS = 30_000;
const REPO_ROOT = join(__dirname, '..');

export interface Target {
  host: string;
  port: number;
  user: string;
  password: string;
  caPem: string;
  caFile: string;
}

export interface EngineTiming {
  /** Start to the auth step's verdict (what a person waits for). */
  authVerdictMs: number;
  /** Start to runProbe's promise resolving (includes the polite QUIT). */
  totalMs: number;
}

export async function timeEngine(t: Target): Promise<EngineTiming> {
  const start = performance.now();
  let authVerdictMs = Number.NaN;
  const result = await runProbe(
    {
      host: t.host,
      port: t.port,
      security: 'starttls',
      auth: { method: 'password', user: t.user, password: t.password },
      caPem: t.caPem,
      timeoutMs: RUN_TIMEOUT_MS,
    },
    {
      onEvent: (event) => {
        if (event.type === 'step-end' && event.step.id === 'auth') authVerdictMs = performance.now() - start;
      },
    },
  );
  const totalMs = performance.now() - start;
  if (!result.ok) throw new Error(`engine run failed: ${result.diagnosis?.id ?? 'unknown'}`);
  return { authVerdictMs, totalMs };
}

export async function timeNodemailerVerify(t: Target): Promise<number> {
  const transporter = nodemailer.createTransport({
    host: t.host,
    port: t.port,
    secure: false,
    requireTLS: true,
    auth: { user: t.user, pass: t.password },
    tls: { ca: t.caPem, servername: 'localhost' },
    connectionTimeout: RUN_TIMEOUT_MS,
    greetingTimeout: RUN_TIMEOUT_MS,
  });
  const start = performance.now();
  await transporter.verify();
  const ms = performance.now() - start;
  transporter.close();
  return ms;
}

function timeProcess(
  command: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; stdin?: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      // The output is not printed on failure: swaks echoes the AUTH exchange.
      if (code === 0) resolve(ms);
      else reject(new Error(`${command} exited with ${code} (${output.length} bytes of output withheld)`));
    });
    child.stdin.end(opts.stdin ?? '');
  });
}

/**
 * swaks takes the password only as an option; SWAKS_OPT_auth_password passes it through the
 * environment instead of argv (argv is world-readable in /proc). It is the harness's throwaway.
 */
export function timeSwaks(t: Target): Promise<number> {
  return timeProcess(
    'swaks',
    [
      '--server',
      t.host,
      '--port',
      String(t.port),
      // Without --helo swaks looks its own host name up in DNS, which stalls on an offline machine.
      '--helo',
      'localhost',
      '--tls',
      '--tls-verify',
      '--tls-ca-path',
      t.caFile,
      '--auth',
      'PLAIN',
      '--auth-user',
      t.user,
      '--quit-after',
      'AUTH',
      '--silent',
      '2',
    ],
    { env: { ...withoutMachineOnlyEnv(process.env), SWAKS_OPT_auth_password: t.password } },
  );
}

/**
 * Where the benchmark's environment sets NODE_EXTRA_CA_CERTS (this machine's sandbox points it at
 * the whole system bundle, 144 certificates), Node parses that file at every process start: ≈ 35 ms
 * of `node -e 0` here, a cost of the machine rather than of the CLI, which the in-process engine
 * paid once before the first round. The CLI child runs without it; it trusts the test CA through
 * --ca, exactly as before. bench/smtp.ts prints a note when this applies.
 */
export const MACHINE_ONLY_ENV = ['NODE_EXTRA_CA_CERTS'] as const;

function withoutMachineOnlyEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of MACHINE_ONLY_ENV) delete copy[name];
  return copy;
}

/**
 * nodemailer's verify() as a whole process (bench/verify-process.mjs): the same start-up, stdin and
 * CA-file costs as the CLI, and it exits as soon as verify() resolves. Without NODE_EXTRA_CA_CERTS,
 * like the CLI.
 */
export function timeVerifyProcess(t: Target): Promise<number> {
  return timeProcess(
    process.execPath,
    [join(REPO_ROOT, 'bench', 'verify-process.mjs'), t.host, String(t.port), t.user, t.caFile],
    { stdin: `${t.password}\n`, env: withoutMachineOnlyEnv(process.env) },
  );
}

export function timeCli(t: Target): Promise<number> {
  return timeProcess(
    process.execPath,
    [
      join(REPO_ROOT, 'bin', 'mailcheck.js'),
      'smtp',
      '--host',
      t.host,
      '--port',
      String(t.port),
      '--security',
      'starttls',
      '--user',
      t.user,
      '--password-stdin',
      '--ca',
      t.caFile,
      '--json',
    ],
    { stdin: `${t.password}\n`, env: withoutMachineOnlyEnv(process.env) },
  );
}
