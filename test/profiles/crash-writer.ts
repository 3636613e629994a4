/**
 * Child process for the crash test: rewrites the profiles file in a loop with a large body, so
 * that the parent can SIGKILL it in the middle of a write. Prints "ready" once it has started.
 */
import { ProfileStore } from '../../src/engine/profiles';
import { makeProfile } from './fixtures';

const filePath = process.argv[2]!;
const store = new ProfileStore(filePath);

async function main(): Promise<void> {
  let round = 0;
  process.stdout.write('ready\n');
  for (;;) {
    round++;
    // Every save rewrites the whole file (hundreds of kilobytes once it holds many profiles).
    await store.save(makeProfile(`crash-${round % 1500}`, { user: `round-${round}@example.test` }));
  }
}
void main();
