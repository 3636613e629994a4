/**
 * Runs the discovery world (discovery-world.ts) in a process of its own, so that its servers' TLS
 * work does not share the measured client's event loop (on a real network the servers are other
 * machines). Prints one JSON line `{ dnsServer, caPem, cliEnv }` when ready; closes everything
 * when its standard input ends.
 */
import { startWorld } from './discovery-world';

async function main(): Promise<void> {
  const world = await startWorld();
  process.stdout.write(
    JSON.stringify({ dnsServer: world.dns.server, caPem: world.pki.ca.cert, cliEnv: world.cliEnv }) + '\n',
  );
  process.stdin.resume();
  process.stdin.once('end', () => {
    void world.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`world failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
