/**
 * XOAUTH2 against the REAL Dovecot (its oauth2 passdb) with a token from one Microsoft sign-in at
 * the local identity server: Dovecot asks an introspection endpoint (RFC 7662) of this test, which
 * checks the JWT like Exchange Online (JWKS signature, audience, the IMAP scope, expiry). IMAP and
 * POP3 log in with the token; a token Dovecot refuses is oauth.token-rejected. No result holds the token.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider, signInWithDeviceCode } from '../../src/engine/oauth';
import { runReceiveCheck } from '../../src/engine/receive';
import type { ReceiveProtocol } from '../../src/shared/probe-types';
import { startDovecot, type RunningDovecot } from '../mta/dovecot';
import { IdentityServer } from './fixtures/identity-server';
import { realKeychain, uniqueProfile } from './fixtures/keychain';
import { whyRejected } from './fixtures/xoauth2-smtp';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000058c3';
let idp: IdentityServer;
let dovecot: RunningDovecot;
let introspection: Server;
const introspected: string[] = [];
const profile = uniqueProfile('xoauth2-dovecot');
const cfg = () => ({ clientId: CLIENT_ID, tenant: 'consumers', authorityHost: idp.base });

/** RFC 7662: POST token=… → { active, username }; active only for a token Exchange would accept. */
async function startIntrospection(): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const token = new URLSearchParams(body).get('token') ?? '';
      introspected.push(token);
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}') as {
        upn?: string;
      };
      const username = claims.upn ?? '';
      whyRejected(token, username, idp.jwksUrl(), idp.issuerFor('consumers'), 'IMAP.AccessAsUser.All').then(
        (why) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(why ? { active: false } : { active: true, username }));
        },
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

beforeAll(async () => {
  idp = await IdentityServer.start();
  introspection = await startIntrospection();
  const { port } = introspection.address() as AddressInfo;
  dovecot = await startDovecot({ introspectionUrl: `http://127.0.0.1:${port}/introspect` });
  await signInWithDeviceCode(cfg(), {
    onCode: (info) => void idp.completeDeviceLogin(info.userCode),
    persist: { profile, store: realKeychain() },
  });
});
afterAll(async () => {
  await realKeychain().delete(profile);
  await dovecot?.stop();
  introspection?.close();
  await idp?.stop();
});

const port = (protocol: ReceiveProtocol) => (protocol === 'imap' ? dovecot.imapsPort : dovecot.pop3sPort);

describe.each(['imap', 'pop3'] as const)('%s XOAUTH2 × Dovecot', (protocol) => {
  it('logs in with the token of the sign-in and reads the mailbox', async () => {
    const result = await runReceiveCheck({
      protocol,
      host: dovecot.host,
      port: port(protocol),
      security: 'tls',
      caPem: dovecot.caPem,
      timeoutMs: 5000,
      auth: {
        method: 'oauth2',
        user: idp.account,
        getAccessToken: createTokenProvider(profile, cfg(), realKeychain()),
      },
    });
    if (!result.ok) await dovecot.dumpLog();
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.steps.find((s) => s.id === 'auth')?.details).toMatchObject({ mechanism: 'XOAUTH2' });
    expect(introspected.length).toBeGreaterThan(0);
    for (const token of introspected) expect(JSON.stringify(result)).not.toContain(token);
  });

  it('a token Dovecot refuses: oauth.token-rejected', async () => {
    const result = await runReceiveCheck({
      protocol,
      host: dovecot.host,
      port: port(protocol),
      security: 'tls',
      caPem: dovecot.caPem,
      timeoutMs: 5000,
      auth: { method: 'oauth2', user: idp.account, accessToken: 'not-a-jwt-token-1234567890' },
    });
    expect(result.diagnosis).toMatchObject({ id: 'oauth.token-rejected', step: 'auth' });
    expect(JSON.stringify(result)).not.toContain('not-a-jwt-token-1234567890');
  });
});
