import type { ProbeResult, StepResult } from '../../src/shared/probe-types';

const pass = (id: StepResult['id'], en: string, it: string): StepResult => ({
  id,
  status: 'pass',
  ms: 5,
  summary: { en, it },
});

/** A result shaped like the engine's, for rendering tests. */
export function okResult(): ProbeResult {
  return {
    ok: true,
    request: {
      host: 'smtp-mail.outlook.com',
      port: 587,
      security: 'starttls',
      user: 'mario@outlook.it',
      authMethod: 'PLAIN',
    },
    steps: [
      pass('dns', 'Resolved', 'Risolto'),
      pass('tcp', 'Connected', 'Connesso'),
      pass('greeting', '220 ready', '220 pronto'),
      pass('ehlo', 'STARTTLS, AUTH', 'STARTTLS, AUTH'),
      pass('tls', 'TLSv1.3, trusted', 'TLSv1.3, attendibile'),
      pass('auth', 'Signed in', 'Accesso riuscito'),
    ],
    diagnosis: null,
    server: {
      address: '127.0.0.1',
      greeting: '220 outlook test ready',
      capabilities: ['PIPELINING', 'STARTTLS', 'AUTH LOGIN PLAIN'],
      authMechanisms: ['LOGIN', 'PLAIN'],
      securityUsed: 'starttls',
    },
    tls: {
      mode: 'starttls',
      protocol: 'TLSv1.3',
      cipher: 'TLS_AES_256_GCM_SHA384',
      subject: 'CN=localhost',
      issuer: 'CN=Mailcheck Test CA',
      subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1'],
      validFrom: '2026-11-26',
      validTo: '2027-11-26',
      fingerprint256: 'AA:BB',
      trusted: true,
      trustError: null,
      hostnameMatches: true,
    },
    transcript: [
      { t: 0, dir: 'server', text: '220 outlook test ready' },
      { t: 3, dir: 'client', text: 'AUTH PLAIN <redacted>' },
    ],
    startedAt: '2026-11-26T10:00:00.000Z',
    totalMs: 40,
    cancelled: false,
  };
}

/** What a personal Outlook.com account answers to a password since September 2024. */
export function basicDisabledResult(): ProbeResult {
  const ok = okResult();
  return {
    ...ok,
    ok: false,
    steps: [
      ...ok.steps.slice(0, 5),
      {
        id: 'auth',
        status: 'fail',
        ms: 7,
        summary: {
          en: 'Password refused: basic auth disabled',
          it: 'Password rifiutata: autenticazione di base disattivata',
        },
      },
    ],
    diagnosis: {
      id: 'auth.basic-disabled',
      step: 'auth',
      reply: '535 5.7.139 Authentication unsuccessful, basic authentication is disabled.',
      params: {
        host: 'smtp-mail.outlook.com',
        port: '587',
        security: 'starttls',
        user: 'mario@outlook.it',
        mechanisms: 'PLAIN LOGIN',
        step: 'auth',
      },
    },
  };
}
