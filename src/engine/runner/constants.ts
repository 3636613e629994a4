/** Bounds of the protocol-neutral runner, each with why it has its value. */

/**
 * The whole check may take at most this many per-wait timeouts. A healthy check makes about ten
 * waits that each take milliseconds; a server that answers every wait just before the timeout
 * (a tarpit, a dying link) would otherwise hold the user for ten timeouts.
 */
export const DEADLINE_TIMEOUTS = 4;

/** A line longer than this is not IMAP or POP3 talking to a client that sent a few commands. */
export const MAX_LINE_BYTES = 64 * 1024;
/** What is kept of one server line (transcript, diagnosis): enough to read any real reply. */
export const KEPT_LINE_CHARS = 4 * 1024;
/** A multi-line answer (CAPA, CAPABILITY, an IMAP literal) cannot be longer than this in total. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** …nor have more lines than this (real CAPA lists have about twenty). */
export const MAX_RESPONSE_LINES = 1_000;

/**
 * After the last step the client says goodbye (LOGOUT, QUIT) without waiting for the answer: the
 * verdict is already known. A server that does not close its side is cut off after this.
 */
export const GOODBYE_GRACE_MS = 1_000;
