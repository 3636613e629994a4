/** Timeouts and limits of the engine, named so that each says why it has its value. */

/**
 * Default bound for every network wait (DNS, connect, greeting, each reply, TLS handshake).
 * A healthy server answers each step in well under a second, but some make clients wait on
 * purpose (Postfix postscreen delays the greeting by 6 s, greylisting and tarpits slow replies)
 * and mobile links add seconds: 15 s still tells such servers apart from dead ones, without
 * leaving the user staring at a spinner.
 */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Below this even a loopback test could fail by chance. */
export const MIN_TIMEOUT_MS = 100;
/** Above this a user would think the app hung. */
export const MAX_TIMEOUT_MS = 120_000;
/**
 * nodemailer's own timers run a little after ours, as a backstop: our per-step watchdog
 * fires first, so timeouts are classified by the step they happened in.
 */
export const LIBRARY_TIMEOUT_GRACE_MS = 1_000;
/** No real SMTP reply comes close (EHLO lists are ~1 KB); a bigger one is a hostile or wrong peer. */
export const MAX_REPLY_BYTES = 64 * 1024;
/** A diagnostic follow-up connection (which kind of port is this?) gets at most this long. */
export const FOLLOW_UP_TIMEOUT_MS = 5_000;
/**
 * A port that has said nothing this long after the connection may be an implicit-TLS port (465
 * style), which waits for the client's TLS handshake: a second connection then asks it, while the
 * first keeps waiting for a greeting (whichever answers first wins). Healthy servers greet within
 * one round trip of the connection, well under a second even on poor mobile links, and the extra
 * connection costs a plaintext server nothing but a failed handshake; waiting for the full
 * timeout instead would keep the user staring at a spinner for 15 s on a simple wrong port.
 * The probe uses at most half of the timeout, so short timeouts still get an answer.
 */
export const SILENT_PORT_PROBE_AFTER_MS = 1_500;
/**
 * After the test, QUIT is sent and the connection is closed gracefully in the background (the
 * result does not wait for the 221); a server that does not close its side is cut off after this.
 */
export const QUIT_GRACE_MS = 1_000;
/** Server replies kept in results are capped in src/shared/clip.ts (MAX_KEPT_REPLY_BYTES, 4 KB). */
