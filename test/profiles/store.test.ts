import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileNameError, ProfileStore } from '../../src/engine/profiles';
import { makeProfile } from './fixtures';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-profiles-'));
  file = join(dir, 'profiles.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readJson(path: string): Promise<{ format: number; profiles: Array<Record<string, unknown>> }> {
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('ProfileStore', () => {
  it('starts empty when there is no file, and creates the folder on the first save', async () => {
    const store = new ProfileStore(join(dir, 'nested', 'profiles.json'));
    expect(await store.list()).toEqual({ profiles: [] });
    await store.save(makeProfile('Work'));
    const json = await readJson(join(dir, 'nested', 'profiles.json'));
    expect(json.format).toBe(1);
    expect(json.profiles.map((p) => p.name)).toEqual(['Work']);
  });

  it('saves, replaces by name, gets and deletes', async () => {
    const store = new ProfileStore(file);
    await store.save(makeProfile('Work'));
    await store.save(makeProfile('Casa 🏠', { port: 465, security: 'tls' }));
    await store.save(makeProfile('Work', { port: 25 }));
    expect((await store.list()).profiles.map((p) => [p.name, p.port])).toEqual([
      ['Work', 25],
      ['Casa 🏠', 465],
    ]);
    expect((await store.get('Casa 🏠'))?.security).toBe('tls');
    expect(await store.get('nobody')).toBeNull();
    expect(await store.delete('Work')).toBe(true);
    expect(await store.delete('Work')).toBe(false);
    expect((await store.list()).profiles.map((p) => p.name)).toEqual(['Casa 🏠']);
  });

  it('never writes a secret field and leaves no temporary files', async () => {
    const store = new ProfileStore(file);
    const withPassword = { ...makeProfile('Work'), password: 'hunter2-secret' } as never;
    await store.save(withPassword);
    expect(await readFile(file, 'utf8')).not.toContain('hunter2-secret');
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('rejects invalid names: empty, too long, control characters, reserved suffix', async () => {
    const store = new ProfileStore(file);
    for (const name of ['', 'x'.repeat(65), 'a\nb', 'tab\there', ' padded', 'w#oauth-refresh']) {
      await expect(store.save(makeProfile(name))).rejects.toBeInstanceOf(ProfileNameError);
    }
    await store.save(makeProfile('x'.repeat(64)));
    expect((await store.list()).profiles).toHaveLength(1);
  });

  it('drops unknown fields on load (the file format is ours; a breaking change bumps format)', async () => {
    await writeFile(
      file,
      JSON.stringify({ format: 1, extra: true, profiles: [{ ...makeProfile('Work'), color: 'blue' }] }),
    );
    const store = new ProfileStore(file);
    const { profiles, warning } = await store.list();
    expect(warning).toBeUndefined();
    expect(profiles).toEqual([makeProfile('Work')]);
    await store.save(makeProfile('Other'));
    const json = await readJson(file);
    expect(json).not.toHaveProperty('extra');
    expect(json.profiles[0]).not.toHaveProperty('color');
  });

  it('moves a file that is not JSON aside, warns once, and starts empty', async () => {
    await writeFile(file, '{"format": 1, "profiles": [ {"name": "Wo');
    const store = new ProfileStore(file);
    const first = await store.list();
    expect(first.profiles).toEqual([]);
    expect(first.warning).toMatch(/not valid JSON.*moved to .*profiles\.json\.corrupt-/s);
    expect(first.warningIt).toMatch(/non è un JSON valido.*spostato in .*profiles\.json\.corrupt-/s);
    const names = await readdir(dir);
    const aside = names.find((n) => n.startsWith('profiles.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside!), 'utf8')).toBe('{"format": 1, "profiles": [ {"name": "Wo');
    expect((await store.list()).warning).toBeUndefined();
    await store.save(makeProfile('New'));
    expect((await store.list()).profiles.map((p) => p.name)).toEqual(['New']);
  });

  it('moves a file of a newer format aside instead of overwriting it', async () => {
    const newer = JSON.stringify({ format: 2, profiles: [{ name: 'Future', shape: 'unknown' }] });
    await writeFile(file, newer);
    const store = new ProfileStore(file);
    // A save before any list: the warning is kept until someone lists.
    await store.save(makeProfile('Now'));
    const { profiles, warning, warningIt } = await store.list();
    expect(profiles.map((p) => p.name)).toEqual(['Now']);
    expect(warning).toMatch(/newer version of Mailcheck \(format 2/);
    expect(warningIt).toMatch(/versione più recente di Mailcheck \(formato 2/);
    const aside = (await readdir(dir)).filter((n) => n.includes('.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(newer);
  });

  it('moves a file of the wrong shape aside (an array, a missing format)', async () => {
    for (const body of ['[]', '{"profiles": []}', 'null', '']) {
      await writeFile(file, body);
      const { profiles, warning } = await new ProfileStore(file).list();
      expect(profiles).toEqual([]);
      expect(warning).toMatch(/moved to/);
    }
    expect((await readdir(dir)).filter((n) => n.includes('.corrupt-'))).toHaveLength(4);
  });

  it('keeps the valid profiles when some entries are invalid, with the original kept aside', async () => {
    const original = JSON.stringify({
      format: 1,
      profiles: [
        makeProfile('Good'),
        { name: 'Bad', port: 'x' },
        makeProfile('Good'),
        makeProfile('Also good'),
      ],
    });
    await writeFile(file, original);
    const { profiles, warning } = await new ProfileStore(file).list();
    expect(profiles.map((p) => p.name)).toEqual(['Good', 'Also good']);
    expect(warning).toMatch(/2 saved profile\(s\).*original file was kept as/s);
    const aside = (await readdir(dir)).find((n) => n.includes('.corrupt-'))!;
    expect(await readFile(join(dir, aside), 'utf8')).toBe(original);
    expect((await readJson(file)).profiles).toHaveLength(2);
  });

  it('serializes 50 concurrent saves from two store objects: none is lost', async () => {
    const a = new ProfileStore(file);
    const b = new ProfileStore(file);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).save(makeProfile(`Profile ${i}`))),
    );
    const { profiles } = await a.list();
    expect(profiles).toHaveLength(50);
    expect(new Set(profiles.map((p) => p.name)).size).toBe(50);
    expect((await readJson(file)).profiles).toHaveLength(50);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('a failed save does not block the queue', async () => {
    const store = new ProfileStore(file);
    const results = await Promise.allSettled([
      store.save(makeProfile('ok-1')),
      store.save(makeProfile('bad\nname')),
      store.save(makeProfile('ok-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await store.list()).profiles.map((p) => p.name)).toEqual(['ok-1', 'ok-2']);
  });

  it('loads and saves a 1,000-profile file quickly', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => makeProfile(`Account ${i}`));
    await writeFile(file, JSON.stringify({ format: 1, profiles: many }));
    const store = new ProfileStore(file);
    const started = performance.now();
    const { profiles } = await store.list();
    expect(profiles).toHaveLength(1000);
    await store.save(makeProfile('Account 1001'));
    await store.save(makeProfile('Account 5', { port: 2525 }));
    expect(performance.now() - started).toBeLessThan(5_000);
    const json = await readJson(file);
    expect(json.profiles).toHaveLength(1001);
    expect(json.profiles[5]).toMatchObject({ name: 'Account 5', port: 2525 });
  });
});

describe('crash safety', () => {
  /** Kills that must be proven to have landed mid-write (a temp file of the dead writer remains). */
  const MID_WRITE_KILLS = 3;
  const MAX_ATTEMPTS = 12;

  /**
   * Starts a writer, waits until it starts writing (its temp file appears, or, were the write not
   * atomic, the profiles file itself changes) and kills it at once. Returns the temp files it left.
   */
  async function killWriterMidWrite(): Promise<string[]> {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'crash-writer.ts'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.once('exit', r));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the writer did not start')), 20_000);
        child.stdout.once('data', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const ownTemp = `profiles.json.tmp-${child.pid}-`;
      const watcher = watch(dir);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('the writer did not write')), 20_000);
          // Not the previous writers' leftovers, which this writer's store removes first.
          watcher.on('change', (_type, name) => {
            const entry = String(name);
            if (entry !== 'profiles.json' && !entry.startsWith(ownTemp)) return;
            clearTimeout(timer);
            resolve();
          });
        });
        child.kill('SIGKILL');
      } finally {
        watcher.close();
      }
      await exited;
      return (await readdir(dir)).filter((name) => name.startsWith(ownTemp));
    } finally {
      child.kill('SIGKILL');
    }
  }

  it('a writer killed mid-write leaves a complete file (old or new), and its temp file is cleaned later', async () => {
    // Start from a big file so that each rewrite takes a while.
    const many = Array.from({ length: 1500 }, (_, i) => makeProfile(`crash-${i}`));
    await writeFile(file, JSON.stringify({ format: 1, profiles: many }));
    let midWrite = 0;
    for (let attempt = 0; attempt < MAX_ATTEMPTS && midWrite < MID_WRITE_KILLS; attempt++) {
      const leftovers = await killWriterMidWrite();
      // The proof that the kill landed between the temp file's creation and its rename.
      if (leftovers.length > 0) midWrite++;
      const json = await readJson(file); // throws if half-written
      expect(json.format).toBe(1);
      expect(json.profiles).toHaveLength(1500);
    }
    expect(midWrite).toBe(MID_WRITE_KILLS);
    // The killed writers left temp files; the next store removes them (their pid is dead).
    expect((await readdir(dir)).length).toBeGreaterThan(1);
    const store = new ProfileStore(file);
    expect((await store.list()).profiles).toHaveLength(1500);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  }, 120_000);
});
