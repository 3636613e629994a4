/**
 * End to end for receiving: one Microsoft sign-in (device code, against the local identity server)
 * gives a token that logs in over IMAP and POP3 XOAUTH2 through runReceiveCheck, against fake
 * servers that verify the JWT like Exchange Online (signature from the JWKS, audience, the IMAP or
 * POP scope, expiry, user). A refused token is oauth.token-rejected; no output holds the token.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenProvider, signInWithDeviceCode } from '../../src/engine/oauth';
import { runReceiveCheck } from '../../src/engine/receive';
import type { ReceiveProtocol } from '../../src/shared/probe-types';
import { IdentityServer } from './fixtures/identity-server';
import { realKeychain, uniqueProfile } from './fixtures/keychain';
import { whyRejected } from './fixtures/xoauth2-smtp';
import { startLineServer, tagOf, type LineServer } from '../support/scripted-lines';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-0000000058b2';
let idp: IdentityServer;
const profile = uniqueProfile('xoauth2-receive');
const servers: LineServer[] = [];
const tokensSeen: string[] = [];
const cfg = () => ({ clientId: CLIENT_ID, tenant: 'consumers', authorityHost: idp.base });

beforeAll(async () => {
  idp = await IdentityServer.start();
  await signInWithDeviceCode(cfg(), {
    onCode: (info) => void idp.completeDeviceLogin(info.userCode),
    persist: { profile, store: realKeychain() },
  });
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await realKeychain().delete(profile);
  await idp.stop();
});

/** Decodes an XOAUTH2 initial response: user=…^Aauth=Bearer …^A^A. */
function parseXoauth2(b64: string): { user: string; token: string } {
  const [userPart = '', authPart = ''] = Buffer.from(b64, 'base64').toString('utf8').split('\u0001');
  return { user: userPart.replace(/^user=/, ''), token: authPart.replace(/^auth=Bearer /, '') };
}

const SCOPES: Record<ReceiveProtocol, string> = {
  imap: 'IMAP.AccessAsUser.All',
  pop3: 'POP.AccessAsUser.All',
};

/** A server that speaks like outlook.office365.com and checks the token for `scope`. */
async function outlookLike(protocol: ReceiveProtocol, scope = SCOPES[protocol]): Promise<LineServer> {
  const check = (b64: string) => {
    const { user, token } = parseXoauth2(b64);
    tokensSeen.push(token);
    return whyRejected(token, user, idp.jwksUrl(), idp.issuerFor('consumers'), scope);
  };
  let pendingFailure: string | null = null;
  const server = await startLineServer({
    greeting:
      protocol === 'imap'
        ? '* OK The Microsoft Exchange IMAP4 service is ready.'
        : '+OK The Microsoft Exchange POP3 service is ready.',
    onLine(line, socket) {
      const reply = (lines: string[]) => socket.write(lines.map((l) => `${l}\r\n`).join(''));
      if (protocol === 'imap') {
        const [tag, verb, mech, payload] = line.split(' ');
        if (verb === 'CAPABILITY')
          return [
            '* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS',
            `${tag} OK CAPABILITY completed.`,
          ];
        if (verb === 'AUTHENTICATE' && mech === 'XOAUTH2' && payload) {
          void check(payload).then((why) => {
            if (!why) return reply([`${tag} OK AUTHENTICATE completed.`]);
            pendingFailure = `${tag} NO AUTHENTICATE failed.`;
            reply([`+ ${Buffer.from('{"status":"401","schemes":"bearer"}').toString('base64')}`]);
          });
          return undefined;
        }
        if (verb === 'STATUS') return ['* STATUS INBOX (MESSAGES 4 UNSEEN 1)', `${tag} OK STATUS completed.`];
        if (line === '' && pendingFailure) return [pendingFailure];
        if (verb === 'LOGOUT') return ['* BYE', `${tagOf(line)} OK LOGOUT completed.`];
        return `${tag} BAD Command Error. 12`;
      }
      const [verb, mech, payload] = line.split(' ');
      if (verb === 'CAPA') return ['+OK', 'TOP', 'UIDL', 'SASL PLAIN XOAUTH2', 'USER', '.'];
      if (verb === 'AUTH' && mech === 'XOAUTH2' && payload) {
        void check(payload).then((why) =>
          reply([
            why
              ? '-ERR Authentication failure: unknown user name or bad password.'
              : '+OK User successfully authenticated.',
          ]),
        );
        return undefined;
      }
      if (verb === 'STAT') return '+OK 4 20480';
      if (verb === 'QUIT') return '+OK Microsoft Exchange Server POP3 server signing off.';
      return '-ERR Command is not valid in this state.';
    },
  });
  servers.push(server);
  return server;
}

async function check(protocol: ReceiveProtocol, server: LineServer) {
  const user = idp.account;
  return runReceiveCheck({
    protocol,
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    allowPlaintextAuth: true,
    timeoutMs: 5000,
    auth: { method: 'oauth2', user, getAccessToken: createTokenProvider(profile, cfg(), realKeychain()) },
  });
}

describe.each(['imap', 'pop3'] as const)('%s XOAUTH2 with a Microsoft sign-in', (protocol) => {
  it('the token of one sign-in (SMTP, IMAP and POP scopes) logs in and reads the mailbox', async () => {
    const result = await check(protocol, await outlookLike(protocol));
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.steps.find((s) => s.id === 'auth')?.details).toMatchObject({ mechanism: 'XOAUTH2' });
    expect(result.steps.find((s) => s.id === 'mailbox')?.summary.en).toMatch(/^(INBOX: )?4 messages/);
    for (const token of tokensSeen) expect(JSON.stringify(result)).not.toContain(token);
  });

  it('a token without the needed permission: oauth.token-rejected', async () => {
    const result = await check(protocol, await outlookLike(protocol, 'EWS.AccessAsUser.All'));
    expect(result.diagnosis).toMatchObject({ id: 'oauth.token-rejected', step: 'auth' });
    for (const token of tokensSeen) expect(JSON.stringify(result)).not.toContain(token);
  });
});
