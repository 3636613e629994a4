/**
 * Prints one real `mailcheck discover` run (text, then --json) against the benchmark's world
 * (bench/discovery-world.ts): the run shown in the README and docs/discovery.md.
 * `npx tsx bench/discovery-demo.ts [--lang it]` (root: it binds the real mail ports on 127.77.9.x).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ADDRESS, startWorld } from './discovery-world';

async function main(): Promise<void> {
  const world = await startWorld();
  try {
    const bin = join(__dirname, '..', 'bin', 'mailcheck.js');
    const extra = process.argv.slice(2);
    for (const args of [
      ['discover', ADDRESS, ...extra],
      ['discover', ADDRESS, '--json', ...extra],
    ]) {
      process.stdout.write(`$ mailcheck ${args.join(' ')}\n`);
      // Asynchronously: a synchronous spawn would stall the servers of this very process.
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, [bin, ...args], {
          env: { ...process.env, ...world.cliEnv },
          stdio: 'inherit',
        });
        child.once('close', (code) => {
          process.stdout.write(`(exit ${code})\n\n`);
          resolve();
        });
      });
    }
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
