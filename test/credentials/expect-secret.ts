import { expect } from 'vitest';

/**
 * Asserts that a secret read back equals the expected one WITHOUT printing either value on failure:
 * even test secrets must not reach logs.
 */
export function expectSameSecret(actual: string | null, expected: string): void {
  const same = actual === expected;
  const detail = actual === null ? 'nothing was stored' : `lengths ${actual.length} vs ${expected.length}`;
  expect(same, `the secret read back differs (${detail}; values not printed)`).toBe(true);
}
