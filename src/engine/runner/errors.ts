/**
 * What a step can throw. The runner turns each into a failed step and a catalogue diagnosis
 * (see classify.ts); nothing here ever reaches the caller of a check as an exception.
 */
import type { StepId } from '../../shared/probe-types';

/** Our own timeouts (per wait, overall deadline) carry the code the classifier knows. */
export const TIMEOUT_CODE = 'ETIMEDOUT';

/** Ends the check with a catalogue id chosen by the engine itself (not by a classifier). */
export class StepFailure extends Error {
  constructor(
    readonly diagnosisId: string,
    readonly reply: string | null = null,
  ) {
    super(diagnosisId);
    this.name = 'StepFailure';
  }
}

/** A wait got no answer within `timeoutMs` (or the whole check hit its deadline). */
export class StepTimeout extends Error {
  readonly code = TIMEOUT_CODE;
  constructor(
    readonly step: StepId | null,
    readonly deadline = false,
  ) {
    super(
      deadline
        ? 'The check as a whole took too long'
        : `No answer within the time limit${step ? ` (${step})` : ''}`,
    );
    this.name = 'StepTimeout';
  }
}

export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'Cancelled';
  }
}

/**
 * The server answered a command with a refusal (IMAP `NO`/`BAD`, POP3 `-ERR`) or something the
 * protocol does not allow. `command` is the verb only (never its arguments: they may be secret).
 */
export class ServerReply extends Error {
  readonly code = 'EREPLY';
  constructor(
    readonly command: string,
    readonly reply: string,
  ) {
    super(`The server refused ${command}`);
    this.name = 'ServerReply';
  }
}

/** The peer broke the protocol: a line too long, an unknown greeting, a reply of the wrong shape. */
export class ProtocolViolation extends Error {
  readonly code = 'EPROTOCOL';
  constructor(
    message: string,
    readonly reply: string | null = null,
  ) {
    super(message);
    this.name = 'ProtocolViolation';
  }
}
