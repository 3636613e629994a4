/**
 * The optional per-profile settings the CLI keeps (caFile, timeoutMs, allowPlaintextAuth): they
 * round-trip through the real file, and bad values are refused on save and left out on load.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from '../../src/engine/probe/constants';
import { ProfileStore, strictProfileSchema } from '../../src/engine/profiles';
import type { Profile } from '../../src/shared/profile-types';
import { makeProfile } from './fixtures';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailcheck-profile-fields-'));
  file = join(dir, 'profiles.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GOOD: Partial<Profile> = {
  caFile: '/etc/ssl/private-ca/ca.pem',
  timeoutMs: 4000,
  allowPlaintextAuth: true,
};

const BAD: Array<[string, Partial<Record<keyof Profile, unknown>>]> = [
  ['an empty CA path', { caFile: '' }],
  ['a CA path with LF', { caFile: '/tmp/ca.pem\nfake' }],
  ['a CA path with CR', { caFile: '/tmp/ca.pem\r' }],
  ['a CA path with NUL', { caFile: '/tmp/ca\u0000.pem' }],
  ['a CA path that is not a string', { caFile: 42 }],
  ['a timeout below the engine minimum', { timeoutMs: MIN_TIMEOUT_MS - 1 }],
  ['a timeout above the engine maximum', { timeoutMs: MAX_TIMEOUT_MS + 1 }],
  ['a fractional timeout', { timeoutMs: 1500.5 }],
  ['a timeout as text', { timeoutMs: '4000' }],
  ['a plaintext permission as text', { allowPlaintextAuth: 'yes' }],
];

describe('profile fields caFile, timeoutMs, allowPlaintextAuth', () => {
  it('round-trip through the file, and stay absent when not set', async () => {
    const store = new ProfileStore(file);
    await store.save(makeProfile('With', GOOD));
    await store.save(makeProfile('Without'));
    const reread = new ProfileStore(file);
    expect(await reread.get('With')).toMatchObject(GOOD);
    const without = await reread.get('Without');
    expect(without).not.toHaveProperty('caFile');
    expect(without).not.toHaveProperty('timeoutMs');
    expect(without).not.toHaveProperty('allowPlaintextAuth');
    // The bounds themselves are accepted.
    await store.save(makeProfile('Min', { timeoutMs: MIN_TIMEOUT_MS }));
    await store.save(makeProfile('Max', { timeoutMs: MAX_TIMEOUT_MS }));
    expect((await store.get('Max'))?.timeoutMs).toBe(MAX_TIMEOUT_MS);
  });

  it.each(BAD)('refuses %s on save, and the IPC schema refuses it too', async (_label, extra) => {
    const store = new ProfileStore(file);
    const profile = { ...makeProfile('Bad'), ...extra } as Profile;
    await expect(store.save(profile)).rejects.toThrow();
    expect(await store.get('Bad')).toBeNull();
    expect(strictProfileSchema.safeParse(profile).success).toBe(false);
  });

  it('leaves an entry with a bad field out on load and keeps the original aside', async () => {
    const good = makeProfile('Good', GOOD);
    const bad = { ...makeProfile('Bad'), timeoutMs: 5 };
    await writeFile(file, JSON.stringify({ format: 1, profiles: [good, bad] }));
    const store = new ProfileStore(file);
    const { profiles, warning } = await store.list();
    expect(profiles.map((p) => p.name)).toEqual(['Good']);
    expect(profiles[0]).toMatchObject(GOOD);
    expect(warning).toMatch(/1 saved profile/);
    const written = JSON.parse(await readFile(file, 'utf8')) as { profiles: Profile[] };
    expect(written.profiles.map((p) => p.name)).toEqual(['Good']);
  });
});
