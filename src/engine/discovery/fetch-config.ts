/**
 * Fetches one autoconfig/ISPDB document over HTTPS (or, as a flagged last resort, http): bounded
 * in time (one budget for the whole exchange) and size (MAX_CONFIG_BYTES), host names resolved
 * through discovery's resolver, no redirects followed (a redirect could send us anywhere), and
 * cancellable. TLS trust is Node's default store, which includes NODE_EXTRA_CA_CERTS.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { DiscoveryDns } from './dns';
import type { LookupLog } from './lookup-log';

/** Real config-v1.1 files are 1–10 KB; the biggest ISPDB entry is under 20 KB. */
export const MAX_CONFIG_BYTES = 256 * 1024;
/** A config server answers in one or two round trips; 5 s covers a slow one. */
export const FETCH_TIMEOUT_MS = 5_000;

export interface FetchOptions {
  dns: DiscoveryDns;
  log: LookupLog;
  signal: AbortSignal;
  timeoutMs: number;
  kind?: 'https' | 'http' | 'ispdb-live';
  /** Extra trusted CAs (PEM), added to the system's. */
  caPem?: string;
}

class FetchError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

function get(url: URL, opts: FetchOptions): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, {
      lookup: opts.dns.lookupCallback as never,
      signal: opts.signal,
      timeout: opts.timeoutMs,
      headers: { accept: 'application/xml, text/xml;q=0.9, */*;q=0.1', 'user-agent': 'Mailcheck' },
      // A fresh connection each time: nothing pooled outlives discovery.
      agent: false,
      ...(opts.caPem && url.protocol === 'https:' ? { ca: [...tls.rootCertificates, opts.caPem] } : {}),
    });
    const timer = setTimeout(
      () => req.destroy(new FetchError('no answer in time', 'ETIMEDOUT')),
      opts.timeoutMs,
    );
    const done = (fn: () => void): void => {
      clearTimeout(timer);
      fn();
    };
    req.once('timeout', () => req.destroy(new FetchError('no answer in time', 'ETIMEDOUT')));
    req.once('error', (error) => done(() => reject(error)));
    req.once('response', (res) => {
      if (res.statusCode === 404 || res.statusCode === 410) {
        res.resume();
        return done(() => resolve(null));
      }
      if (res.statusCode !== 200) {
        res.resume();
        return done(() => reject(new FetchError(`HTTP ${res.statusCode}`, `HTTP_${res.statusCode}`)));
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_CONFIG_BYTES) {
          req.destroy(new FetchError(`more than ${MAX_CONFIG_BYTES} bytes`, 'ETOOBIG'));
          return;
        }
        chunks.push(chunk);
      });
      res.once('end', () => done(() => resolve(Buffer.concat(chunks).toString('utf8'))));
      res.once('error', (error) => done(() => reject(error)));
    });
  });
}

/** The document's text, or null when the server says there is none (404/410). */
export function fetchConfig(url: string, opts: FetchOptions): Promise<string | null> {
  const parsed = new URL(url);
  const kind = opts.kind ?? (parsed.protocol === 'https:' ? 'https' : 'http');
  return opts.log.run(
    kind,
    url,
    () => get(parsed, opts),
    (body) => ({ found: body !== null, detail: body === null ? 'HTTP 404' : `${body.length} bytes` }),
  );
}
