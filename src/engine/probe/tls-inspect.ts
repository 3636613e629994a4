/**
 * Reads what a TLS handshake revealed (protocol, cipher, certificate) and decides whether the
 * connection may be trusted. Handshakes run with rejectUnauthorized:false ONLY so that the
 * certificate can be shown to the user; the verdict here is what lets the test continue, and an
 * untrusted, expired or mismatched certificate always stops it before any credential is sent.
 */
import net from 'node:net';
import tls from 'node:tls';
import type { TlsInfo } from '../../shared/probe-types';
import { CERT_EXPIRED } from './classify';

/** The last few contexts built, by extra CA: the same CA in the same process costs nothing again. */
const CONTEXTS = new Map<string, tls.SecureContext>();
const MAX_CONTEXTS = 4;

/**
 * The TLS context that trusts the system roots plus `caPem`. Building it parses ~150 PEM
 * certificates (≈ 10–20 ms), so it is built once per CA and process, when the SMTP session is set
 * up (while the greeting is on its way), not after STARTTLS on the path to the verdict. Undefined
 * without an extra CA (Node's default context) or when the CA cannot be used (tls.connect then
 * reports it as before).
 */
function secureContextFor(caPem: string | undefined): tls.SecureContext | undefined {
  if (!caPem) return undefined;
  const known = CONTEXTS.get(caPem);
  if (known) return known;
  try {
    const context = tls.createSecureContext({ ca: [...tls.rootCertificates, caPem] });
    if (CONTEXTS.size >= MAX_CONTEXTS) CONTEXTS.clear();
    CONTEXTS.set(caPem, context);
    return context;
  } catch {
    return undefined;
  }
}

/**
 * Options for tls.connect in every handshake of the engine. The chain is still verified by Node
 * (`authorized`, `authorizationError`); the hostname is checked separately in `inspectTls`.
 */
export function tlsOptions(host: string, caPem: string | undefined): tls.ConnectionOptions {
  const secureContext = secureContextFor(caPem);
  return {
    rejectUnauthorized: false,
    // Extra CAs are added to the system roots, not put in their place (in the cached context).
    ...(secureContext ? { secureContext } : { ca: caPem ? [...tls.rootCertificates, caPem] : undefined }),
    servername: net.isIP(host) ? undefined : host,
    // The hostname is checked in inspectTls, so `authorized` reflects the chain alone.
    checkServerIdentity: () => undefined,
  };
}

function dn(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const parts = Object.entries(value as Record<string, unknown>).map(
    ([key, v]) => `${key}=${Array.isArray(v) ? v.join('+') : String(v)}`,
  );
  return parts.length ? parts.join(', ') : null;
}

function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

export interface TlsVerdict {
  info: TlsInfo;
  /** The catalogue id that forbids continuing, or null when the connection can be trusted. */
  refusal: string | null;
}

export function inspectTls(socket: tls.TLSSocket, host: string, mode: TlsInfo['mode']): TlsVerdict {
  const cert = socket.getPeerCertificate(false) as Partial<tls.PeerCertificate> | null;
  const hasCert = !!cert && Object.keys(cert).length > 0;
  const sans = hasCert && cert.subjectaltname ? cert.subjectaltname.split(/,\s*/).filter(Boolean) : [];
  const identityError = hasCert
    ? tls.checkServerIdentity(host, cert as tls.PeerCertificate)
    : new Error('no certificate');
  const authorizationError = socket.authorizationError
    ? String((socket.authorizationError as Error & { code?: string }).code ?? socket.authorizationError)
    : null;
  const trusted = socket.authorized === true && hasCert;
  const info: TlsInfo = {
    mode,
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    subject: hasCert ? dn(cert.subject) : null,
    issuer: hasCert ? dn(cert.issuer) : null,
    subjectAltNames: sans,
    validFrom: hasCert ? isoDate(cert.valid_from) : null,
    validTo: hasCert ? isoDate(cert.valid_to) : null,
    fingerprint256: hasCert ? (cert.fingerprint256 ?? null) : null,
    trusted,
    trustError: trusted ? null : (authorizationError ?? 'NO_CERTIFICATE'),
    hostnameMatches: !identityError,
  };
  let refusal: string | null = null;
  if (!trusted)
    refusal =
      authorizationError && CERT_EXPIRED.includes(authorizationError) ? 'tls.expired' : 'tls.untrusted';
  else if (!info.hostnameMatches) refusal = 'tls.hostname-mismatch';
  return { info, refusal };
}
