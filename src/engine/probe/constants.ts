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
/** After the test, the polite QUIT gets this long before the socket is simply closed. */
export const QUIT_GRACE_MS = 1_000;
/** Server replies kept in diagnoses are clipped to this length. */
export const MAX_REPLY_IN_DIAGNOSIS = 1_000;
