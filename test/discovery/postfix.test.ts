/**
 * Discovery against the REAL Postfix + Dovecot SASL of the interop tests (test/mta/mta.ts), which
 * listens on random ports of 127.0.0.1 with a certificate for `localhost`: the domain postfix.test
 * publishes SRV records (RFC 6186/8314) pointing at them, answered by the local dns2 server.
 * Discovery must find both services, verify them up to TLS without a password (Postfix offers AUTH
 * only after STARTTLS), and `mailcheck smtp --email` must then log in with the real password.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/engine/discovery';
import { ensureCliBuilt, parseJsonOutput, runCli } from '../cli/cli-runner';
import { startMta, type RunningMta } from '../mta/mta';
import { startDnsServer, type TestDnsServer } from './dns-server';

let mta: RunningMta;
let dns: TestDnsServer;

beforeAll(async () => {
  await Promise.all([ensureCliBuilt(), startMta().then((m) => (mta = m))]);
  dns = await startDnsServer({
    'postfix.test': {},
    localhost: { A: ['127.0.0.1'] },
    '_submission._tcp.postfix.test': {
      SRV: [{ priority: 0, weight: 1, port: mta.submissionPort, target: 'localhost' }],
    },
    '_submissions._tcp.postfix.test': {
      SRV: [{ priority: 0, weight: 1, port: mta.smtpsPort, target: 'localhost' }],
    },
  });
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await mta?.dumpLogs();
});

afterAll(async () => {
  await dns?.close();
  await mta?.stop();
});

describe('discovery with the real Postfix', () => {
  it('finds the implicit-TLS submission port by SRV and verifies it without a password', async () => {
    const result = await discover('tester@postfix.test', {
      dnsServers: [dns.server],
      caPem: mta.caPem,
      ispdbUrl: 'https://127.0.0.1:9/v1.1/',
      timeoutMs: 10_000,
    });
    // RFC 8314: implicit TLS (_submissions) is preferred over STARTTLS (_submission).
    expect(result.smtp).toMatchObject({
      host: 'localhost',
      port: mta.smtpsPort,
      security: 'tls',
      source: 'srv',
      verified: true,
      // localhost is outside postfix.test, and SRV answers are unsigned.
      flags: ['foreign-host'],
    });
    expect(result.smtp?.authMethods).toEqual(expect.arrayContaining(['PLAIN']));
    // The STARTTLS service was found and proved as well: it simply ranks second.
    expect(result.candidates.find((c) => c.port === mta.submissionPort)).toMatchObject({
      source: 'srv',
      security: 'starttls',
      reachable: true,
    });
  });

  it('mailcheck smtp --email discovers, then logs in to Postfix with the password from stdin', async () => {
    const run = await runCli(
      ['smtp', '--email', 'tester@postfix.test', '--user', mta.user, '--password-stdin', '--json'],
      {
        stdin: `${mta.password}\n`,
        env: {
          MAILCHECK_DNS_SERVERS: dns.server,
          NODE_EXTRA_CA_CERTS: mta.caFile,
          MAILCHECK_ISPDB_URL: 'https://127.0.0.1:9/v1.1/',
          MAILCHECK_CONFIG_DIR: '/nonexistent-mailcheck-config',
        },
      },
    );
    expect(run.code, run.stderr + run.stdout).toBe(0);
    const json = parseJsonOutput(run);
    expect(json.request).toMatchObject({ host: 'localhost', port: mta.smtpsPort, security: 'tls' });
    const steps = json.steps as Array<{ id: string; status: string }>;
    expect(steps.find((s) => s.id === 'auth')?.status).toBe('pass');
    expect(run.stdout + run.stderr).not.toContain(mta.password);
  });
});
