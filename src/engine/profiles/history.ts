/**
 * The last runs of each saved account: date, outcome and diagnosis id, never a secret, never a
 * transcript. One small JSON file beside the profiles (`history.json`), replaced atomically like
 * the profiles file (writeFileAtomic), with operations queued per file so that two runs finishing
 * together both land. So that "it worked last week" stays visible after today's failure.
 *
 * A history file that cannot be read is set aside as `history.json.corrupt-<timestamp>` (never
 * silently overwritten) and the history starts empty: it is a convenience, not a record to defend.
 */
import { readFile, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { RunRecord } from '../../shared/profile-types';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { profileNameSchema } from './schema';

export const HISTORY_FORMAT = 1;
export const HISTORY_FILE_NAME = 'history.json';
/** Runs kept per account, newest first. */
export const RUNS_PER_ACCOUNT = 10;

const DIAGNOSIS_ID_MAX = 64;

export const runRecordSchema = z.strictObject({
  at: z.iso.datetime(),
  ok: z.boolean(),
  diagnosisId: z
    .string()
    .max(DIAGNOSIS_ID_MAX)
    .regex(/^[a-z0-9.-]+$/)
    .nullable(),
});

const historyFileSchema = z.object({
  format: z.literal(HISTORY_FORMAT),
  runs: z.record(profileNameSchema, z.array(runRecordSchema).max(RUNS_PER_ACCOUNT)),
});

/** The history file that goes with a profiles file: same folder. */
export function historyFileFor(profilesFile: string): string {
  return join(dirname(profilesFile), HISTORY_FILE_NAME);
}

const queues = new Map<string, Promise<unknown>>();

export class HistoryStore {
  private readonly filePath: string;

  constructor(filePath: string) {
    this.filePath = resolve(filePath);
  }

  /** Every account's last runs, newest first. */
  async list(): Promise<Record<string, RunRecord[]>> {
    return this.enqueue(() => this.load());
  }

  /** Adds a run for the account, keeping the newest RUNS_PER_ACCOUNT. */
  async record(name: string, run: RunRecord): Promise<void> {
    const checked = runRecordSchema.parse(run);
    await this.enqueue(async () => {
      const runs = await this.load();
      runs[name] = [checked, ...(runs[name] ?? [])].slice(0, RUNS_PER_ACCOUNT);
      await this.write(runs);
    });
  }

  /** Forgets an account's runs (the account was deleted). */
  async remove(name: string): Promise<void> {
    await this.enqueue(async () => {
      const runs = await this.load();
      if (!(name in runs)) return;
      delete runs[name];
      await this.write(runs);
    });
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const previous = queues.get(this.filePath) ?? Promise.resolve();
    const result = previous.then(operation);
    queues.set(
      this.filePath,
      result.catch(() => undefined),
    );
    return result;
  }

  private async write(runs: Record<string, RunRecord[]>): Promise<void> {
    await writeFileAtomic(this.filePath, JSON.stringify({ format: HISTORY_FORMAT, runs }, null, 2) + '\n');
  }

  private async load(): Promise<Record<string, RunRecord[]>> {
    await removeStaleTempFiles(this.filePath);
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    let parsed: ReturnType<typeof historyFileSchema.safeParse>;
    try {
      parsed = historyFileSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = { success: false } as ReturnType<typeof historyFileSchema.safeParse>;
    }
    if (parsed.success) return { ...parsed.data.runs };
    await rename(this.filePath, `${this.filePath}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    return {};
  }
}
