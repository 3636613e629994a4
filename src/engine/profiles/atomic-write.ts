/**
 * Crash-safe file replacement: write a temporary file in the same folder, flush it to disk, then
 * rename it over the target. rename() is atomic on one file system, so a reader (or the next start
 * after a crash or power cut) sees either the whole old file or the whole new one, never half.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_MARKER = '.tmp-';

/** `<file>.tmp-<pid>-<random>`: the pid lets a later run tell a dead writer's leftovers. */
function tempPathFor(filePath: string): string {
  return `${filePath}${TEMP_MARKER}${process.pid}-${randomBytes(6).toString('hex')}`;
}

export async function writeFileAtomic(filePath: string, data: string, mode = 0o600): Promise<void> {
  const dir = dirname(filePath);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tempPath = tempPathFor(filePath);
  let renamed = false;
  try {
    const handle = await open(tempPath, 'wx', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, filePath);
    renamed = true;
    await syncDirectory(dir);
  } finally {
    if (!renamed) await unlink(tempPath).catch(() => undefined);
  }
}

/** Makes the rename itself durable. Not supported everywhere (Windows): best effort. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is already safe in the renamed file; only the directory entry's flush is skipped.
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files left by a writer that was killed mid-write (never those of a live one). */
export async function removeStaleTempFiles(filePath: string): Promise<void> {
  const prefix = basename(filePath) + TEMP_MARKER;
  let names: string[];
  try {
    names = await readdir(dirname(filePath));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isProcessAlive(pid)) {
      await unlink(join(dirname(filePath), name)).catch(() => undefined);
    }
  }
}
