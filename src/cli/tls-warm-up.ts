/**
 * A fresh process pays ≈ 20 ms the first time it builds a TLS context (OpenSSL's one-time set-up).
 * With STARTTLS the engine builds its context only after the greeting and the EHLO round trip;
 * the CLI is a fresh process every time, so it does that one-time set-up while the process is
 * idle waiting for the greeting, not on the path to the verdict. It creates and discards a
 * default context: no certificate, key or secret is involved, and the engine still builds and
 * checks its own context exactly as before.
 */
import { createSecureContext } from 'node:tls';
import type { ProbeEvent } from '../shared/probe-types';

/**
 * An onEvent listener for runProbe: warms TLS up when the greeting wait starts on a plain
 * connection (STARTTLS may follow). With implicit TLS the handshake comes first and the engine
 * sets TLS up at once, so there is nothing to overlap; with no TLS at all there is nothing to warm.
 */
export function warmUpTlsWhileGreeting(): (event: ProbeEvent) => void {
  let done = false;
  return (event) => {
    if (done || event.type !== 'step-start' || (event.id !== 'tls' && event.id !== 'greeting')) return;
    done = true;
    if (event.id === 'tls') return; // implicit TLS: the engine is setting TLS up already
    setImmediate(() => {
      try {
        createSecureContext();
      } catch {
        /* only an optimisation: the engine reports any real TLS problem itself */
      }
    });
  };
}
