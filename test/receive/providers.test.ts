/**
 * IMAP and POP3 against fake servers that answer with providers' EXACT replies (Gmail, Outlook.com /
 * Microsoft 365, RFC 5530 / RFC 2449 / RFC 3206 response codes): each must lead to its catalogue id,
 * rendered with the receiving side's words, and no run may leak the password or the token.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runReceiveCheck } from '../../src/engine/receive';
import { renderDiagnosis } from '../../src/shared/diagnoses';
import type { AuthInput, ReceiveProtocol, ReceiveRequest, ReceiveResult } from '../../src/shared/probe-types';
import { createTestPki, removeTestPki, type TestPki } from '../support/pki';
import { startLineServer, tagOf, type LineServer } from '../support/scripted-lines';
import { leakedForms, secretForms } from '../support/secret-forms';

const USER = 'mario.rossi@example.it';
let pki: TestPki;
const servers: LineServer[] = [];

beforeAll(async () => {
  pki = await createTestPki();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  if (pki) await removeTestPki(pki);
});

interface ImapScript {
  greeting?: string | null;
  capabilities?: string;
  /** Lines answering the login command (AUTHENTICATE or LOGIN) tagged `tag`. */
  login?: (tag: string) => string[];
  status?: (tag: string) => string[];
  /** Lines answering an empty client line (the end of a failed SASL exchange). */
  afterEmptyLine?: () => string[];
}

const GMAIL_CAPS = 'IMAP4rev1 SASL-IR AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER ID IDLE';

async function imapServer(script: ImapScript = {}): Promise<LineServer> {
  const caps = script.capabilities ?? GMAIL_CAPS;
  const server = await startLineServer({
    tls: pki.server,
    greeting:
      script.greeting === undefined ? '* OK Gimap ready for requests from 127.0.0.1' : script.greeting,
    onLine(line) {
      const tag = tagOf(line);
      const verb = (line.split(' ')[1] ?? '').toUpperCase();
      if (verb === 'CAPABILITY') return [`* CAPABILITY ${caps}`, `${tag} OK Thats all she wrote!`];
      if (verb === 'AUTHENTICATE' || verb === 'LOGIN') {
        return (script.login ?? ((t) => [`${t} OK ${USER} authenticated (Success)`]))(tag);
      }
      if (verb === 'STATUS') {
        return (script.status ?? ((t) => ['* STATUS "INBOX" (MESSAGES 12 UNSEEN 3)', `${t} OK Success`]))(
          tag,
        );
      }
      if (verb === 'LOGOUT') return ['* BYE LOGOUT Requested', `${tag} OK 73 good day (Success)`];
      if (line === '') return script.afterEmptyLine?.();
      return `${tag} BAD Unknown command`;
    },
  });
  servers.push(server);
  return server;
}

interface Pop3Script {
  greeting?: string | null;
  capa?: string[];
  /** The reply to the login (AUTH with an initial response, or PASS). */
  login?: string[];
  stat?: string;
}

async function pop3Server(script: Pop3Script = {}): Promise<LineServer> {
  const server = await startLineServer({
    tls: pki.server,
    greeting: script.greeting === undefined ? '+OK Gpop ready for requests from 127.0.0.1' : script.greeting,
    onLine(line) {
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      if (verb === 'CAPA')
        return ['+OK Capability list follows', ...(script.capa ?? ['USER', 'SASL PLAIN XOAUTH2']), '.'];
      if (verb === 'AUTH' || verb === 'PASS') return script.login ?? ['+OK Welcome.'];
      if (verb === 'USER') return '+OK send PASS';
      if (verb === 'STAT') return script.stat ?? '+OK 3 12345';
      if (verb === 'QUIT') return '+OK Farewell.';
      if (line === '') return undefined;
      return '-ERR Unknown command';
    },
  });
  servers.push(server);
  return server;
}

async function check(
  protocol: ReceiveProtocol,
  server: LineServer,
  overrides: Partial<ReceiveRequest> = {},
  secret = `pw-${randomBytes(9).toString('hex')}`,
): Promise<ReceiveResult> {
  const auth: AuthInput = { method: 'password', user: USER, password: secret };
  const result = await runReceiveCheck({
    protocol,
    host: '127.0.0.1',
    port: server.port,
    security: 'tls',
    caPem: pki.ca.cert,
    auth,
    timeoutMs: 3000,
    ...overrides,
  });
  expect(leakedForms(JSON.stringify(result), secretForms(secret, USER))).toEqual([]);
  if (result.diagnosis) {
    for (const lang of ['en', 'it'] as const) {
      const text = JSON.stringify(renderDiagnosis(result.diagnosis, lang));
      // The receiving side's words: no SMTP submission ports (except to say they are for sending).
      if (result.diagnosis.id !== 'receive.wrong-protocol') {
        expect(text, result.diagnosis.id).not.toMatch(/\b(587|465)\b/);
      }
      expect(text).not.toMatch(/\{[a-z]+\}/);
    }
  }
  return result;
}

describe('IMAP provider replies', () => {
  it.each([
    [
      'Gmail: application-specific password required',
      (t: string) => [
        `${t} NO [ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)`,
      ],
      'auth.app-password-required',
    ],
    [
      'Microsoft: basic authentication refused',
      (t: string) => [`${t} NO AUTHENTICATE failed.`],
      'auth.basic-disabled',
    ],
    [
      'Gmail: wrong password',
      (t: string) => [`${t} NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)`],
      'auth.rejected',
    ],
    [
      'Gmail: IMAP not enabled for the account',
      (t: string) => [
        `${t} NO [ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access. (Failure)`,
      ],
      'receive.disabled',
    ],
    [
      'Microsoft 365: IMAP off for the mailbox',
      (t: string) => [`${t} NO User is authenticated but not connected.`],
      'receive.disabled',
    ],
    [
      'temporary trouble (RFC 5530 UNAVAILABLE)',
      (t: string) => [`${t} NO [UNAVAILABLE] Temporary authentication failure`],
      'receive.unavailable',
    ],
    ['mailbox in use (RFC 5530 INUSE)', (t: string) => [`${t} NO [INUSE] Mailbox in use`], 'receive.in-use'],
  ])('%s', async (_name, login, id) => {
    const result = await check('imap', await imapServer({ login }));
    expect(result.diagnosis).toMatchObject({ id, step: 'auth' });
    expect(result.steps.find((s) => s.id === 'mailbox')?.status).toBe('skip');
  });

  it('a success reads STATUS of INBOX: 12 messages, 3 unread', async () => {
    const server = await imapServer();
    const result = await check('imap', server);
    expect(result.ok).toBe(true);
    expect(result.steps.find((s) => s.id === 'mailbox')?.summary).toEqual({
      en: 'INBOX: 12 messages, 3 unread',
      it: 'INBOX: 12 messaggi, 3 non letti',
    });
    // SASL-IR: one line carries the login; LOGOUT is sent but not awaited.
    expect(server.received.some((l) => / AUTHENTICATE PLAIN \S+$/.test(l))).toBe(true);
    expect(result.transcript.some((l) => /AUTHENTICATE PLAIN <redacted>$/.test(l.text))).toBe(true);
  });

  it('* BYE at the greeting: receive.greeting-refused; with [UNAVAILABLE]: receive.unavailable', async () => {
    const bye = await check('imap', await imapServer({ greeting: '* BYE Too many connections' }));
    expect(bye.diagnosis).toMatchObject({ id: 'receive.greeting-refused', step: 'greeting' });
    const unavailable = await check(
      'imap',
      await imapServer({ greeting: '* BYE [UNAVAILABLE] Maintenance' }),
    );
    expect(unavailable.diagnosis).toMatchObject({ id: 'receive.unavailable', step: 'greeting' });
  });

  it('an SMTP server on the port: receive.wrong-protocol', async () => {
    const result = await check('imap', await imapServer({ greeting: '220 smtp.example.it ESMTP Postfix' }));
    expect(result.diagnosis).toMatchObject({ id: 'receive.wrong-protocol', step: 'greeting' });
    expect(result.diagnosis?.reply).toBe('220 smtp.example.it ESMTP Postfix');
  });

  it('without PLAIN: LOGIN with quoted strings, the password never in the transcript', async () => {
    const server = await imapServer({ capabilities: 'IMAP4rev1' });
    const result = await check('imap', server, {
      auth: { method: 'password', user: USER, password: 'a "quoted" \\ pass' },
    });
    expect(result.ok).toBe(true);
    expect(server.received).toContain(`A2 LOGIN "${USER}" "a \\"quoted\\" \\\\ pass"`);
    expect(result.transcript.map((l) => l.text)).toContain(`A2 LOGIN "${USER}" <redacted>`);
  });

  it('a password beyond ASCII without PLAIN: LOGIN with synchronizing literals', async () => {
    const password = 'pässwörd-€-1';
    const server = await startLineServer({
      tls: pki.server,
      greeting: '* OK [CAPABILITY IMAP4rev1] ready',
      onLine(line) {
        if (/^A\d+ LOGIN \{\d+\}$/.test(line) || /\{\d+\}$/.test(line)) return '+ Ready for literal data';
        if (line === password) return 'A1 OK LOGIN completed';
        if (/^A\d+ STATUS/.test(line))
          return ['* STATUS INBOX (MESSAGES 1 UNSEEN 1)', `${tagOf(line)} OK done`];
        return undefined;
      },
    });
    servers.push(server);
    const result = await check(
      'imap',
      server,
      { auth: { method: 'password', user: USER, password } },
      password,
    );
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(server.received.slice(0, 3)).toEqual([
      `A1 LOGIN {${USER.length}}`,
      `${USER} {${Buffer.byteLength(password)}}`,
      password,
    ]);
    expect(result.transcript.map((l) => l.text)).not.toContain(password);
  });

  it('* PREAUTH: no login needed, the mailbox is read', async () => {
    const result = await check(
      'imap',
      await imapServer({ greeting: '* PREAUTH [CAPABILITY IMAP4rev1] logged in already' }),
    );
    expect(result.ok).toBe(true);
    const auth = result.steps.find((s) => s.id === 'auth')!;
    expect(auth.status).toBe('skip');
    expect(auth.summary.en).toMatch(/PREAUTH/);
    expect(result.steps.find((s) => s.id === 'mailbox')?.status).toBe('pass');
  });

  it('* BYE [UNAVAILABLE] then a close during the login: the BYE says why', async () => {
    const server = await startLineServer({
      tls: pki.server,
      greeting: `* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=PLAIN] ready`,
      onLine(line, socket) {
        if (/AUTHENTICATE/.test(line)) socket.end('* BYE [UNAVAILABLE] Backend down\r\n');
      },
    });
    servers.push(server);
    const result = await check('imap', server);
    expect(result.diagnosis).toMatchObject({ id: 'receive.unavailable', step: 'auth' });
    expect(result.diagnosis?.reply).toBe('BYE [UNAVAILABLE] Backend down');
  });

  it('a STATUS refusal: receive.mailbox-failed after a good login', async () => {
    const result = await check(
      'imap',
      await imapServer({ status: (t) => [`${t} NO [NONEXISTENT] Unknown Mailbox`] }),
    );
    expect(result.diagnosis).toMatchObject({ id: 'receive.mailbox-failed', step: 'mailbox' });
    expect(result.steps.find((s) => s.id === 'auth')?.status).toBe('pass');
  });

  it('a STATUS answer with a literal mailbox name is read', async () => {
    const result = await check(
      'imap',
      await imapServer({
        status: (t) => ['* STATUS {5}', 'INBOX (MESSAGES 7 UNSEEN 0)', `${t} OK done`],
      }),
    );
    expect(result.ok, JSON.stringify(result.diagnosis)).toBe(true);
    expect(result.steps.find((s) => s.id === 'mailbox')?.summary.en).toBe('INBOX: 7 messages, 0 unread');
  });
});

describe('POP3 provider replies', () => {
  it.each([
    [
      'Gmail: application-specific password required',
      [
        '-ERR [AUTH] Application-specific password required: https://support.google.com/accounts/answer/185833',
      ],
      'auth.app-password-required',
    ],
    [
      'Microsoft: basic authentication refused',
      ['-ERR Logon failure: unknown user name or bad password.'],
      'auth.basic-disabled',
    ],
    ['wrong password', ['-ERR [AUTH] Authentication failed.'], 'auth.rejected'],
    [
      'Gmail: POP not enabled',
      [
        '-ERR [SYS/PERM] Your account is not enabled for POP access. Please visit your Gmail settings page and enable your account for POP access.',
      ],
      'receive.disabled',
    ],
    ['maildrop locked (RFC 2449 IN-USE)', ['-ERR [IN-USE] Unable to lock maildrop'], 'receive.in-use'],
    [
      'temporary trouble (RFC 3206 SYS/TEMP)',
      ['-ERR [SYS/TEMP] Internal error, try again later'],
      'receive.unavailable',
    ],
  ])('%s', async (_name, login, id) => {
    const result = await check('pop3', await pop3Server({ login }));
    expect(result.diagnosis).toMatchObject({ id, step: 'auth' });
  });

  it('a success reads STAT: 3 messages, 12 KB', async () => {
    const result = await check('pop3', await pop3Server());
    expect(result.ok).toBe(true);
    expect(result.steps.find((s) => s.id === 'mailbox')?.summary).toEqual({
      en: '3 messages, 12 KB',
      it: '3 messaggi, 12 KB',
    });
  });

  it('without SASL PLAIN: USER/PASS, the password never in the transcript', async () => {
    const server = await pop3Server({ capa: ['USER', 'UIDL'] });
    const result = await check('pop3', server);
    expect(result.ok).toBe(true);
    expect(result.steps.find((s) => s.id === 'auth')?.details).toMatchObject({ mechanism: 'USER/PASS' });
    expect(result.transcript.map((l) => l.text)).toContain('PASS <redacted>');
  });

  it('-ERR at the greeting: receive.greeting-refused', async () => {
    const result = await check('pop3', await pop3Server({ greeting: '-ERR Server busy, try later' }));
    expect(result.diagnosis).toMatchObject({ id: 'receive.greeting-refused', step: 'greeting' });
  });

  it('an IMAP server on the POP3 port: receive.wrong-protocol', async () => {
    const result = await check('pop3', await imapServer());
    expect(result.diagnosis).toMatchObject({ id: 'receive.wrong-protocol', step: 'greeting' });
  });
});

describe('XOAUTH2', () => {
  const token = `tok-${randomBytes(24).toString('base64url')}`;
  const oauth: AuthInput = { method: 'oauth2', user: USER, getAccessToken: async () => token };
  const payload = Buffer.from(`user=${USER}\u0001auth=Bearer ${token}\u0001\u0001`).toString('base64');

  it('IMAP: AUTHENTICATE XOAUTH2 with SASL-IR; the token only on the wire', async () => {
    const server = await imapServer();
    const result = await check('imap', server, { auth: oauth }, token);
    expect(result.ok).toBe(true);
    expect(server.received).toContain(`A2 AUTHENTICATE XOAUTH2 ${payload}`);
    expect(result.steps.find((s) => s.id === 'auth')?.details).toMatchObject({ mechanism: 'XOAUTH2' });
  });

  it('IMAP: a refused token (JSON detail, then NO) is oauth.token-rejected, not basic-disabled', async () => {
    const detail = Buffer.from(
      '{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}',
    ).toString('base64');
    let tag = '';
    const server = await imapServer({
      login: (t) => {
        tag = t;
        return [`+ ${detail}`];
      },
      // The client must answer the error detail with an empty line; Microsoft's NO follows.
      afterEmptyLine: () => [`${tag} NO AUTHENTICATE failed.`],
    });
    const result = await check('imap', server, { auth: oauth }, token);
    expect(result.diagnosis).toMatchObject({ id: 'oauth.token-rejected', step: 'auth' });
    expect(server.received).toContain('');
  });

  it('POP3: AUTH XOAUTH2 with the initial response', async () => {
    const server = await pop3Server();
    const result = await check('pop3', server, { auth: oauth }, token);
    expect(result.ok).toBe(true);
    expect(server.received).toContain(`AUTH XOAUTH2 ${payload}`);
  });

  it('a server without XOAUTH2: auth.method-unsupported, nothing sent', async () => {
    const server = await imapServer({ capabilities: 'IMAP4rev1 SASL-IR AUTH=PLAIN' });
    const result = await check('imap', server, { auth: oauth }, token);
    expect(result.diagnosis).toMatchObject({ id: 'auth.method-unsupported', step: 'auth' });
    expect(server.received.some((l) => /AUTHENTICATE|LOGIN/.test(l))).toBe(false);
  });
});
