/**
 * Reads a file a user named (a CA bundle…) without trusting what it is: only a regular file, its
 * size checked before reading, and read with a bound, so that `/dev/zero` cannot grow memory
 * without end and a named pipe (FIFO) cannot hang the program.
 *
 * Why O_NONBLOCK: opening a FIFO for reading blocks until a writer appears (forever, and in a way no
 * timeout can cancel); with O_NONBLOCK the open returns at once and fstat tells what it is.
 */
import { constants, promises as fs } from 'node:fs';

export type FileProblem = 'missing' | 'unreadable' | 'directory' | 'fifo' | 'device' | 'socket' | 'too-big';

export class FileInputError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly maxBytes: number,
  ) {
    super(`file input refused: ${problem}`);
    this.name = 'FileInputError';
  }
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

function kindOf(stats: import('node:fs').Stats): FileProblem | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'device';
}

/** The file's bytes, or a FileInputError naming why it was refused. Never reads past maxBytes + 1. */
export async function readBoundedFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new FileInputError('missing', maxBytes);
    if (code === 'EISDIR') throw new FileInputError('directory', maxBytes);
    if (code === 'ENXIO') throw new FileInputError('socket', maxBytes);
    throw new FileInputError('unreadable', maxBytes);
  }
  try {
    const stats = await handle.stat();
    const kind = kindOf(stats);
    if (kind) throw new FileInputError(kind, maxBytes);
    if (stats.size > maxBytes) throw new FileInputError('too-big', maxBytes);
    // The file may grow between fstat and read: read at most one byte more than allowed.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw new FileInputError('too-big', maxBytes);
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof FileInputError) throw error;
    throw new FileInputError('unreadable', maxBytes);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
