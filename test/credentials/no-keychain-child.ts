/**
 * Child process for the "no Secret Service" test: reads a secret from stdin (never argv), tries to
 * save it, and prints what happened as JSON (never the secret).
 */
import { createKeychainStore, KeychainUnavailableError } from '../../src/engine/credentials';

async function main(): Promise<void> {
  let secret = '';
  for await (const chunk of process.stdin) secret += String(chunk);
  const store = createKeychainStore();
  const outcome: Record<string, unknown> = {};
  try {
    await store.save('NoKeychain', secret.trim());
    outcome.saved = true;
  } catch (error) {
    outcome.isKeychainUnavailable = error instanceof KeychainUnavailableError;
    outcome.code = (error as { code?: string }).code;
    outcome.message = (error as Error).message;
    outcome.messageIt = (error as { messageIt?: string }).messageIt;
  }
  outcome.status = await store.status();
  process.stdout.write(JSON.stringify(outcome));
}
void main();
