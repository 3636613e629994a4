/**
 * No secret leaves the engine: every scenario runs with its own unique password or token, then the
 * ProbeResult, the transcript, the events and both reports are searched for the secret and its
 * base64 forms (alone, inside AUTH PLAIN `\0user\0pass`, inside XOAUTH2 `user=…\x01auth=Bearer …`).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SMTPServerOptions } from 'smtp-server';
import { runProbe } from '../../src/engine/probe';
import { formatReport } from '../../src/shared/report';
import type { AuthInput, ProbeEvent, ProbeRequest } from '../../src/shared/probe-types';
import { REPLIES, SCENARIOS, USER, gmailServer, microsoftServer, request } from '../fixtures/providers';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { secretForms } from '../support/secret-forms';
import { smtpError, startSmtpServer } from '../support/servers';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => {
  if (pki) await removeTestPki(pki);
});

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

interface Case {
  name: string;
  server: (pki: TestPki, secret: string) => SMTPServerOptions;
  request: (port: number, secret: string) => ProbeRequest;
  /** The test must have sent credentials (so that redaction was really exercised). */
  sendsCredentials: boolean;
  /** The login must have run on the follow-up connection (auto found implicit TLS on a silent port). */
  onFollowUpConnection?: boolean;
  /** The server quotes the secret in a reply: the transcript must show that reply, redacted. */
  echoed?: boolean;
}

const password = (secret: string): AuthInput => ({ method: 'password', user: USER, password: secret });
const send = { from: USER, to: 'anna.bianchi@example.it' };

const CASES: Case[] = [
  {
    name: 'AUTH PLAIN accepted, message sent',
    server: (p) => gmailServer(p),
    request: (port, s) => request(port, pki, { auth: password(s), send }),
    sendsCredentials: true,
  },
  {
    name: 'AUTH LOGIN refused (basic authentication disabled)',
    server: (p) => microsoftServer(p, { authReply: REPLIES.outlookBasicDisabled }),
    request: (port, s) => request(port, pki, { auth: password(s) }),
    sendsCredentials: true,
  },
  {
    name: 'server echoes the password and the AUTH payload in its reply',
    server: (p, s) => ({
      ...gmailServer(p),
      onAuth(_auth, _session, callback) {
        callback(smtpError(`535 5.7.8 Bad credentials ${s} ${b64(s)} ${b64(`\u0000${USER}\u0000${s}`)}`));
      },
    }),
    request: (port, s) => request(port, pki, { auth: password(s) }),
    sendsCredentials: true,
  },
  {
    name: 'server echoes the password in an unknown (4xx) reply',
    server: (p, s) => ({
      ...gmailServer(p),
      onAuth(_auth, _session, callback) {
        callback(smtpError(`454 4.7.0 Try again, ${s}`));
      },
    }),
    request: (port, s) => request(port, pki, { auth: password(s) }),
    sendsCredentials: true,
  },
  {
    name: 'XOAUTH2 with a token from the provider, accepted',
    server: (p, s) => microsoftServer(p, { xoauth2: { user: USER, token: s } }),
    request: (port, s) =>
      request(port, pki, { auth: { method: 'oauth2', user: USER, getAccessToken: async () => s }, send }),
    sendsCredentials: true,
  },
  {
    // Only the probe's redaction of a token it obtained itself (getAccessToken) can hide this one.
    name: 'XOAUTH2 token from the provider echoed back in the refusal, raw and as the payload',
    server: (p, s) => ({
      ...microsoftServer(p, { xoauth2: { user: USER, token: 'another-token' } }),
      onAuth(_auth, _session, callback) {
        const payload = b64(`user=${USER}\u0001auth=Bearer ${s}\u0001\u0001`);
        callback(smtpError(`535 5.7.3 Authentication unsuccessful for ${s} (payload ${payload})`));
      },
    }),
    request: (port, s) =>
      request(port, pki, { auth: { method: 'oauth2', user: USER, getAccessToken: async () => s } }),
    sendsCredentials: true,
    echoed: true,
  },
  {
    name: 'XOAUTH2 token refused (334 error challenge, then 535)',
    server: (p) => microsoftServer(p, { xoauth2: { user: USER, token: 'another-token' } }),
    request: (port, s) => request(port, pki, { auth: { method: 'oauth2', user: USER, accessToken: s } }),
    sendsCredentials: true,
  },
  {
    name: 'auto on a silent implicit-TLS port: AUTH PLAIN on connection 2, message sent',
    server: (p) => ({ ...gmailServer(p), secure: true }),
    request: (port, s) => request(port, pki, { security: 'auto', auth: password(s), send }),
    sendsCredentials: true,
    onFollowUpConnection: true,
  },
  {
    name: 'auto on a silent implicit-TLS port: XOAUTH2 token on connection 2',
    server: (p, s) => ({ ...microsoftServer(p, { xoauth2: { user: USER, token: s } }), secure: true }),
    request: (port, s) =>
      request(port, pki, {
        security: 'auto',
        auth: { method: 'oauth2', user: USER, getAccessToken: async () => s },
      }),
    sendsCredentials: true,
    onFollowUpConnection: true,
  },
  {
    name: 'plaintext refused: nothing sent',
    server: (p) => microsoftServer(p),
    request: (port, s) => request(port, pki, { security: 'none', auth: password(s) }),
    sendsCredentials: false,
  },
  {
    name: 'untrusted certificate: nothing sent',
    server: (p) => ({ ...microsoftServer(p), key: p.selfSigned.key, cert: p.selfSigned.cert }),
    request: (port, s) => request(port, pki, { auth: password(s) }),
    sendsCredentials: false,
  },
  ...SCENARIOS.map<Case>((s) => ({
    name: `fixture: ${s.name}`,
    server: (p) => s.server(p),
    request: (port, secret) => s.request(port, pki, secret),
    sendsCredentials: false,
  })),
];

describe('no secret in results, transcripts, events or reports', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      // Unique per case, with characters that change under JSON and URL encoding.
      const secret = `Pw!${randomBytes(9).toString('hex')}"é+/=`;
      const server = await startSmtpServer(c.server(pki, secret));
      const events: ProbeEvent[] = [];
      try {
        const result = await runProbe(c.request(server.port, secret), { onEvent: (e) => events.push(e) });
        const haystacks = {
          result: JSON.stringify(result),
          events: JSON.stringify(events),
          reportEn: formatReport(result, 'en'),
          reportIt: formatReport(result, 'it'),
        };
        for (const [where, text] of Object.entries(haystacks)) {
          for (const form of secretForms(secret, USER)) {
            expect(text.includes(form), `${where} contains a form of the secret`).toBe(false);
          }
          expect(text.includes(JSON.stringify(secret).slice(1, -1)), `${where} (JSON-escaped)`).toBe(false);
        }
        if (c.sendsCredentials) {
          expect(result.transcript.some((l) => l.dir === 'client' && /<redacted>/.test(l.text))).toBe(true);
        }
        if (c.echoed) {
          // The echo really happened (a search over a reply without the secret proves nothing).
          expect(result.transcript.filter((l) => l.dir === 'server' && l.text.startsWith('535'))).toEqual([
            expect.objectContaining({
              text: '535 5.7.3 Authentication unsuccessful for <redacted> (payload <redacted>)',
            }),
          ]);
        }
        if (c.onFollowUpConnection) {
          expect(result.ok).toBe(true);
          expect(result.server.securityUsed).toBe('tls');
          expect(result.transcript.some((l) => /continuing on connection 2/.test(l.text))).toBe(true);
        }
      } finally {
        await server.close();
      }
    });
  }
});
