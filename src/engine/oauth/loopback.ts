import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cancelledError, OAuthError } from './errors';
import { OAUTH_DIAGNOSIS_IDS } from '../../shared/diagnoses/oauth';

/**
 * The one-shot loopback redirect receiver of RFC 8252 §7.3: listens on 127.0.0.1 only, on a port
 * the system picks, and resolves with the first redirect that carries our `state`. Microsoft
 * accepts any port on `http://localhost` for desktop apps.
 */
export interface LoopbackReceiver {
  /** `http://localhost:<port>/`, the redirect_uri to send (same string for authorize and token). */
  redirectUri: string;
  /** Resolves with the full callback URL (code or error + state); rejects on timeout or cancel. */
  callback: Promise<URL>;
  /** Stops listening; safe to call more than once. */
  close(): void;
}

const LOOPBACK_HOST = '127.0.0.1';

/** Shown in the browser tab after the redirect; both languages, no script, no external resource. */
function resultPage(ok: boolean): string {
  const [titleEn, titleIt, bodyEn, bodyIt] = ok
    ? [
        'Signed in',
        'Accesso eseguito',
        'You can close this tab and go back to Mailcheck.',
        'Puoi chiudere questa scheda e tornare a Mailcheck.',
      ]
    : [
        'Sign-in not completed',
        'Accesso non completato',
        'You can close this tab: Mailcheck explains what happened and what to do.',
        'Puoi chiudere questa scheda: Mailcheck spiega cosa è successo e cosa fare.',
      ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mailcheck — ${titleEn} / ${titleIt}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}h1{font-size:1.4rem}</style>
</head><body>
<h1>${titleEn}</h1><p>${bodyEn}</p>
<h1 lang="it">${titleIt}</h1><p lang="it">${bodyIt}</p>
</body></html>`;
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'Referrer-Policy': 'no-referrer',
    Connection: 'close',
  });
  res.end(body);
}

/**
 * The browser sign-in needs a local port for Microsoft's redirect; when a firewall or policy
 * forbids it, the device code (a code typed on Microsoft's page) needs no local port at all.
 */
export function loopbackUnavailableError(reason: string): OAuthError {
  return new OAuthError(
    'loopback-unavailable',
    OAUTH_DIAGNOSIS_IDS.failed,
    `Could not open the local port that receives the browser sign-in (${reason}). ` +
      'Sign in with a code on screen instead (device code): it needs no local port.',
    {
      messageIt:
        `Non è stato possibile aprire la porta locale che riceve l'accesso dal browser (${reason}). ` +
        'Accedi invece con un codice a schermo (device code): non richiede alcuna porta locale.',
    },
  );
}

export async function startLoopbackReceiver(opts: {
  expectedState: string;
  timeoutMs: number;
  signal?: AbortSignal;
}): Promise<LoopbackReceiver> {
  const { expectedState, timeoutMs, signal } = opts;
  if (signal?.aborted) throw cancelledError('Sign-in was cancelled.');

  let settle: { resolve: (url: URL) => void; reject: (err: OAuthError) => void } | undefined;
  const callback = new Promise<URL>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The caller may close before awaiting: never leave an unhandled rejection behind.
  callback.catch(() => undefined);

  let port = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    // Only our own redirect: GET, addressed to localhost/127.0.0.1 on our port (DNS-rebinding guard).
    const host = req.headers.host ?? '';
    if (req.method !== 'GET' || (host !== `localhost:${port}` && host !== `${LOOPBACK_HOST}:${port}`)) {
      send(res, 400, resultPage(false));
      return;
    }
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    if (url.pathname !== '/' || (!url.searchParams.has('code') && !url.searchParams.has('error'))) {
      res.writeHead(404, { Connection: 'close' }).end();
      return;
    }
    // A redirect with someone else's state is ignored (not ours to finish): keep waiting.
    if (url.searchParams.get('state') !== expectedState) {
      send(res, 400, resultPage(false));
      return;
    }
    send(res, 200, resultPage(url.searchParams.has('code')));
    finish(() => settle?.resolve(url));
  });

  const timer = setTimeout(() => {
    finish(() => settle?.reject(cancelledError('The browser sign-in was not completed in time.')));
  }, timeoutMs);
  const onAbort = (): void => finish(() => settle?.reject(cancelledError('Sign-in was cancelled.')));
  signal?.addEventListener('abort', onAbort, { once: true });

  let finished = false;
  function finish(action: () => void): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    server.close();
    // Drop idle keep-alive sockets so the port is released at once; a response in flight ends
    // by itself (Connection: close).
    server.closeIdleConnections();
    action();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(loopbackUnavailableError(err.message));
    });
    server.listen(0, LOOPBACK_HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    redirectUri: `http://localhost:${port}/`,
    callback,
    close: () => finish(() => settle?.reject(cancelledError('Sign-in was cancelled.'))),
  };
}
