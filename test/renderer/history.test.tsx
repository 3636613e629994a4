// @vitest-environment happy-dom
/** Saved accounts show their last test and earlier ones, in the user's language; delete asks first. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatDateTime, formatDay } from '../../src/renderer/src/lib/dates';
import { renderDiagnosis } from '../../src/shared/diagnoses';
import type { Profile } from '../../src/shared/profile-types';
import { HOTMAIL_OAUTH_PROFILE, renderApp } from './render-app';

afterEach(cleanup);

const shop: Profile = {
  name: 'Shop',
  email: 'shop@hotmail.it',
  provider: 'outlook',
  host: 'smtp-mail.outlook.com',
  port: 587,
  security: 'starttls',
  user: 'shop@hotmail.it',
  authMethod: 'password',
  updatedAt: '2026-11-26T09:00:00Z',
};
const history = {
  Shop: [
    { at: '2026-11-26T10:32:00Z', ok: false, diagnosisId: 'auth.basic-disabled' },
    { at: '2026-11-19T08:05:00Z', ok: true, diagnosisId: null },
  ],
};

describe('dates in the user’s language', () => {
  it('writes the month in words', () => {
    expect(formatDay('2026-11-26', 'it')).toBe('26 novembre 2026');
    expect(formatDay('2026-11-26', 'en')).toBe('26 November 2026');
    expect(formatDateTime('2026-11-26T10:32:00Z', 'it')).toContain('novembre 2026');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});

describe('saved accounts', () => {
  it.each([
    ['en', 'November 2026', 'failed: ', 'Earlier tests (1)', 'working'],
    ['it', 'novembre 2026', 'non riuscito: ', 'Test precedenti (1)', 'funziona'],
  ] as const)(
    'in %s: the last test with date, outcome and diagnosis title; the earlier ones',
    async (locale, month, last, earlier, ok) => {
      renderApp({}, { locale, profiles: [shop], history });
      const item = await screen.findByText('Shop').then((el) => el.closest('li') as HTMLElement);
      await waitFor(() => expect(within(item).getByTestId('last-run').textContent).toContain(month));
      // The catalogue's own title (its wording belongs to the catalogue).
      const title = renderDiagnosis(
        { id: 'auth.basic-disabled', step: 'auth', reply: null, params: {} },
        locale,
      ).title;
      expect(within(item).getByTestId('last-run').textContent).toContain(`${last}${title}`);
      const details = within(item).getByTestId('history');
      expect(details.textContent).toContain(earlier);
      expect(details.textContent).toContain(ok);
    },
  );

  it('delete asks first and says what leaves the keychain; Keep it cancels', async () => {
    const api = renderApp(
      { 'profiles:delete': () => undefined },
      { profiles: [shop, HOTMAIL_OAUTH_PROFILE] },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Hotmail' }));
    const confirm = screen.getByTestId('delete-confirmation');
    expect(confirm.textContent).toContain('Delete “Hotmail”?');
    expect(confirm.textContent).toContain('its Microsoft sign-in leaves the system keychain');
    expect(document.activeElement).toBe(within(confirm).getByTestId('delete-confirm'));
    fireEvent.click(within(confirm).getByTestId('delete-cancel'));
    expect(screen.queryByTestId('delete-confirmation')).toBeNull();
    expect(api.calls.some((c) => c.channel === 'profiles:delete')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Delete Shop' }));
    expect(screen.getByTestId('delete-confirmation').textContent).toContain('its password, if one was saved');
    fireEvent.click(screen.getByTestId('delete-confirm'));
    await waitFor(() =>
      expect(api.calls.find((c) => c.channel === 'profiles:delete')?.args).toEqual(['Shop']),
    );
  });
});
