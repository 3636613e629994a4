/**
 * No token ever reaches an output: every access, refresh and ID token the identity server issued
 * during real sign-ins, refreshes and XOAUTH2 logins (CLI and engine) is searched for, raw and in
 * its base64 forms (alone and inside the XOAUTH2 payload), in stdout, stderr, errors, probe
 * results and transcripts, and every file under HOME and the config folder.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpCommand } from '../../src/cli/smtp-command';
import { createOAuthService, getAccessTokenSilently, OAuthError } from '../../src/engine/oauth';
import { runProbe } from '../../src/engine/probe';
import { actLikeBrowser } from './fixtures/browser';
import { IdentityServer } from './fixtures/identity-server';
import { realKeychain, uniqueProfile } from './fixtures/keychain';
import { CapturedStream, silentStdin, stdinWith } from './fixtures/streams';
import { startXOAuth2Smtp, type XOAuth2Smtp } from './fixtures/xoauth2-smtp';

const CLIENT_ID = '3f1c2d4e-0000-4000-8000-00000000ea4c';
const MAX_FILE_BYTES = 8 * 1024 * 1024;
let idp: IdentityServer;
let smtp: XOAuth2Smtp;
let configDir: string;
/** Everything the flows below printed, returned or threw, as text. */
const outputs: { where: string; text: string }[] = [];
/** A token that came in through stdin, from "another tool". */
const STDIN_TOKEN = 'eyJ0eXAiOiJKV1QifQ.c3RkaW4tdG9rZW4tZm9yLWxlYWstdGVzdA.c2lnbmF0dXJlLW9mLXN0ZGluLXRva2Vu';

beforeAll(async () => {
  idp = await IdentityServer.start();
  smtp = await startXOAuth2Smtp({ jwksUrl: idp.jwksUrl(), issuer: idp.issuerFor('consumers') });
  configDir = await mkdtemp(join(tmpdir(), 'mailcheck-oauth-leak-'));
});
afterAll(async () => {
  await smtp.stop();
  await idp.stop();
  await rm(configDir, { recursive: true, force: true });
});

async function cli(args: string[], stdin: NodeJS.ReadableStream = silentStdin()): Promise<number> {
  const stdout = new CapturedStream();
  const stderr = new CapturedStream();
  stderr.onMatch(
    /(?:enter the code|inserisci il codice) ([A-Z0-9]+)/,
    (m) => void idp.completeDeviceLogin(m[1] ?? ''),
  );
  const env = { MAILCHECK_CONFIG_DIR: configDir, MAILCHECK_MS_AUTHORITY_HOST: idp.base, LANG: 'C' };
  const code = await smtpCommand(args, { stdin, stdout, stderr, env });
  outputs.push(
    { where: `cli stdout ${args.join(' ')}`, text: stdout.text },
    { where: 'cli stderr', text: stderr.text },
  );
  return code;
}

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return [String(err), err.stack ?? '', JSON.stringify(err), JSON.stringify({ ...err })].join('\n');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function readSmallFile(file: string): Promise<string | null> {
  try {
    if ((await stat(file)).size > MAX_FILE_BYTES) return null;
    return (await readFile(file)).toString('latin1');
  } catch {
    return null;
  }
}

/** Every form a token could leak in. */
function formsOf(token: string): string[] {
  const forms = [token, Buffer.from(token).toString('base64'), Buffer.from(token).toString('base64url')];
  for (const user of ['alice@outlook.com', 'bob@outlook.com']) {
    forms.push(Buffer.from(`user=${user}\u0001auth=Bearer ${token}\u0001\u0001`).toString('base64'));
  }
  // A JWT's signature alone is enough to be a leak worth catching.
  const signature = token.split('.')[2];
  if (signature && signature.length > 20) forms.push(signature);
  return forms;
}

describe('no token in any output', () => {
  it('runs every flow, then finds no issued token anywhere', async () => {
    const common = [
      '--host',
      '127.0.0.1',
      '--port',
      String(smtp.port),
      '--security',
      'none',
      '--allow-plaintext-auth',
    ];
    const oauth = ['--auth', 'oauth2', '--client-id', CLIENT_ID, '--tenant', 'consumers'];
    const profile = uniqueProfile('leak');

    // CLI: device code sign-in with a saved profile, JSON output; then silent refresh, text, Italian.
    expect(await cli([...common, ...oauth, '--user', 'alice@outlook.com', '--save', profile, '--json'])).toBe(
      0,
    );
    expect(await cli(['--profile', profile, '--allow-plaintext-auth', '--lang', 'it'])).toBe(0);
    // CLI: refused token (another mailbox), both languages and JSON.
    expect(
      await cli([...common, ...oauth, '--user', 'bob@outlook.com', '--profile', profile, '--json']),
    ).toBe(1);
    expect(await cli([...common, ...oauth, '--user', 'bob@outlook.com', '--profile', profile])).toBe(1);
    // CLI: a token from stdin.
    await cli(
      [...common, '--auth', 'oauth2', '--user', 'alice@outlook.com', '--access-token-stdin'],
      stdinWith(`${STDIN_TOKEN}\n`),
    );

    // Engine: browser sign-in through the main-process service, a probe with its token, a refusal.
    const service = createOAuthService({
      store: realKeychain(),
      authorityHost: idp.base,
      openBrowser: async (url) => void actLikeBrowser(url),
    });
    const appProfile = uniqueProfile('leak-app');
    await service.signIn({ profileName: appProfile, clientId: CLIENT_ID, tenant: 'consumers' });
    for (const user of ['alice@outlook.com', 'bob@outlook.com']) {
      const result = await runProbe({
        host: '127.0.0.1',
        port: smtp.port,
        security: 'none',
        allowPlaintextAuth: true,
        timeoutMs: 5_000,
        auth: {
          method: 'oauth2',
          user,
          getAccessToken: service.tokenProvider(appProfile, { clientId: CLIENT_ID, tenant: 'consumers' }),
        },
      });
      outputs.push({ where: `probe result ${user}`, text: JSON.stringify(result) });
    }
    // A server that quotes the token back in its refusal, raw and as the XOAUTH2 payload: the token
    // came from the identity provider (the app's token provider; the CLI's saved profile), so only
    // the probe's own redaction of provider tokens can hide it.
    smtp.failureMode = 'echo-token';
    const echoed = await runProbe({
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      allowPlaintextAuth: true,
      timeoutMs: 5_000,
      auth: {
        method: 'oauth2',
        user: 'alice@outlook.com',
        getAccessToken: service.tokenProvider(appProfile, { clientId: CLIENT_ID, tenant: 'consumers' }),
      },
    });
    outputs.push({ where: 'probe result, token echoed', text: JSON.stringify(echoed) });
    expect(await cli(['--profile', profile, '--allow-plaintext-auth', '--json'])).toBe(1);
    smtp.failureMode = 'direct';
    // The server did quote the token (now redacted): a search over a reply without it proves nothing.
    expect(smtp.attempts.filter((a) => a.rejected === 'token echoed back')).toHaveLength(2);
    const refusal = echoed.transcript.find((l) => l.dir === 'server' && l.text.startsWith('535'));
    expect(refusal?.text).toBe(
      '535 5.7.3 Authentication unsuccessful for token <redacted> (payload <redacted>)',
    );
    // Engine: errors after tokens existed (revoked refresh token; sign-in refused).
    idp.revokeAllRefreshTokens();
    const revoked = await getAccessTokenSilently(
      appProfile,
      { clientId: CLIENT_ID, authorityHost: idp.base },
      realKeychain(),
    ).catch((e: unknown) => e);
    expect(revoked).toBeInstanceOf(OAuthError);
    outputs.push({ where: 'revoked error', text: errorText(revoked) });
    await service.signOut(appProfile);
    await realKeychain().delete(profile);

    // The flows really issued tokens (a leak search over nothing would prove nothing).
    expect(idp.issued.access.length).toBeGreaterThanOrEqual(4);
    expect(idp.issued.refresh.length).toBeGreaterThanOrEqual(4);
    expect(idp.issued.id.length).toBeGreaterThanOrEqual(2);
    expect(smtp.attempts.filter((a) => a.rejected === null).length).toBeGreaterThanOrEqual(3);
    expect(outputs.some((o) => o.text.includes('XOAUTH2'))).toBe(true);

    for (const dir of [configDir, homedir()]) {
      for (const file of await filesUnder(dir)) {
        // Other test files share HOME and may remove their files meanwhile: skip what vanished.
        const text = await readSmallFile(file);
        if (text !== null) outputs.push({ where: `file ${file}`, text });
      }
    }
    expect(outputs.some((o) => o.where.startsWith(`file ${configDir}`))).toBe(true);

    const tokens = [...idp.issued.access, ...idp.issued.refresh, ...idp.issued.id, STDIN_TOKEN];
    const leaks: string[] = [];
    tokens.forEach((token, index) => {
      formsOf(token).forEach((form, formIndex) => {
        for (const output of outputs) {
          // Names the token by number only: the report of a leak must not be a leak itself.
          if (output.text.includes(form))
            leaks.push(`${output.where} holds token #${index} (form ${formIndex})`);
        }
      });
    });
    expect(leaks).toEqual([]);
  });
});
