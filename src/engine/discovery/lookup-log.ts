/**
 * The record of every lookup discovery makes (DNS queries, HTTP fetches, snapshot reads): what was
 * asked, what came back, how long it took. It is part of the result, so a user (or a support
 * person) can see why a source found nothing.
 */
import type { DiscoveryEvent, LookupKind, LookupOutcome, LookupRecord } from './types';
import { printable } from './printable';

/** Error codes that mean "there is no such record", not "the lookup broke". */
const NOT_FOUND_CODES = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN', 'ENONAME']);
const TIMEOUT_CODES = new Set(['ETIMEOUT', 'ETIMEDOUT', 'TIMEOUT']);

export function outcomeOf(error: unknown): LookupOutcome {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (NOT_FOUND_CODES.has(code)) return 'not-found';
    if (TIMEOUT_CODES.has(code)) return 'timeout';
    if (code === 'ECANCELLED' || code === 'ABORT_ERR') return 'cancelled';
  }
  if ((error as { name?: unknown } | null)?.name === 'AbortError') return 'cancelled';
  return 'error';
}

export function errorDetail(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return printable(typeof code === 'string' ? code : message, 160);
}

export class LookupLog {
  readonly records: LookupRecord[] = [];

  constructor(private readonly onEvent?: (event: DiscoveryEvent) => void) {}

  add(record: LookupRecord): void {
    const clean = { ...record, target: printable(record.target, 300) };
    if (clean.detail !== undefined) clean.detail = printable(clean.detail, 300);
    this.records.push(clean);
    try {
      this.onEvent?.({ type: 'lookup', lookup: clean });
    } catch {
      // A broken listener must not break discovery.
    }
  }

  /**
   * Runs one lookup and records it. `describe` turns the value into the detail and says whether
   * anything was found; a thrown error is recorded with its outcome and re-thrown.
   */
  async run<T>(
    kind: LookupKind,
    target: string,
    lookup: () => Promise<T>,
    describe: (value: T) => { found: boolean; detail?: string },
  ): Promise<T> {
    const start = Date.now();
    try {
      const value = await lookup();
      const { found, detail } = describe(value);
      this.add({ kind, target, outcome: found ? 'found' : 'not-found', ms: Date.now() - start, detail });
      return value;
    } catch (error) {
      this.add({
        kind,
        target,
        outcome: outcomeOf(error),
        ms: Date.now() - start,
        detail: errorDetail(error),
      });
      throw error;
    }
  }
}
