import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryStore, historyFileFor, RUNS_PER_ACCOUNT } from '../../src/engine/profiles/history';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-history-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const at = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 10, 0, 0)).toISOString();

describe('runs history', () => {
  it('lives beside the profiles file', () => {
    expect(historyFileFor('/x/y/profiles.json')).toBe('/x/y/history.json');
  });

  it('keeps the newest runs first, at most RUNS_PER_ACCOUNT per account, and forgets an account', async () => {
    const store = new HistoryStore(join(dir, 'a.json'));
    for (let n = 0; n < RUNS_PER_ACCOUNT + 3; n++) {
      await store.record('Shop', {
        at: at(n),
        ok: n % 2 === 0,
        diagnosisId: n % 2 === 0 ? null : 'auth.rejected',
      });
    }
    await store.record('Printer', { at: at(1), ok: true, diagnosisId: null });
    const runs = await store.list();
    expect(runs['Shop']).toHaveLength(RUNS_PER_ACCOUNT);
    expect(runs['Shop']?.[0]?.at).toBe(at(RUNS_PER_ACCOUNT + 2));
    expect(runs['Printer']).toEqual([{ at: at(1), ok: true, diagnosisId: null }]);
    await store.remove('Shop');
    expect(Object.keys(await store.list())).toEqual(['Printer']);
  });

  it('two runs finishing together both land (queued), written atomically (no temp files left)', async () => {
    const file = join(dir, 'b.json');
    const a = new HistoryStore(file);
    const b = new HistoryStore(file);
    await Promise.all([
      a.record('One', { at: at(1), ok: true, diagnosisId: null }),
      b.record('Two', { at: at(2), ok: false, diagnosisId: 'tls.mode-mismatch' }),
    ]);
    expect(Object.keys(await a.list()).sort()).toEqual(['One', 'Two']);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('accepts only date, outcome and a diagnosis id: nothing else can be stored', async () => {
    const store = new HistoryStore(join(dir, 'c.json'));
    await expect(
      store.record('X', { at: at(1), ok: true, diagnosisId: null, password: 'x' } as never),
    ).rejects.toThrow();
    await expect(store.record('X', { at: 'yesterday', ok: true, diagnosisId: null })).rejects.toThrow();
    await expect(store.record('X', { at: at(1), ok: false, diagnosisId: 'has spaces' })).rejects.toThrow();
  });

  it('sets an unreadable file aside and starts empty', async () => {
    const file = join(dir, 'd.json');
    await writeFile(file, '{ not json');
    const store = new HistoryStore(file);
    expect(await store.list()).toEqual({});
    const aside = (await readdir(dir)).filter((f) => f.startsWith('d.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe('{ not json');
    await store.record('Y', { at: at(3), ok: true, diagnosisId: null });
    expect(Object.keys(await store.list())).toEqual(['Y']);
  });
});
