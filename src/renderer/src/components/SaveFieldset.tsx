import type { KeychainStatus } from '../../../shared/profile-types';
import { useI18n } from '../i18n/context';
import type { AccountForm } from '../lib/form';
import { Check, Field } from './FormControls';

/**
 * "Save this account": its name, whether the password goes to the keychain, and what happens when
 * no keychain is available (the settings alone, only once the user says so).
 */
export function SaveFieldset({
  form,
  onChange: set,
  keychain,
  invalidProps,
}: {
  form: AccountForm;
  onChange: (patch: Partial<AccountForm>) => void;
  keychain: KeychainStatus | null;
  /** aria-invalid (and its message) for a field the last submit refused. */
  invalidProps: (field: string) => object;
}) {
  const { t, lang } = useI18n();
  const keychainDown = keychain !== null && !keychain.available;
  return (
    <fieldset>
      <legend className="sr-only">{t('account.save')}</legend>
      <Check
        checked={form.saveProfile}
        onChange={(saveProfile) => set({ saveProfile })}
        testId="save-profile"
      >
        {t('account.save')}
      </Check>
      {form.saveProfile && (
        <>
          <Field label={t('account.profileName')}>
            {(id) => (
              <input
                id={id}
                value={form.profileName}
                onChange={(e) => set({ profileName: e.target.value })}
                {...invalidProps('profile-name')}
                data-testid="profile-name"
              />
            )}
          </Field>
          {form.authMethod === 'password' && !keychainDown && (
            <Check
              checked={form.savePassword}
              onChange={(savePassword) => set({ savePassword })}
              testId="save-password"
            >
              {t('account.savePassword')}
            </Check>
          )}
          {keychain && keychainDown && (
            <div className="warning" role="status" data-testid="keychain-unavailable">
              <p>
                {t('account.keychainUnavailable', {
                  reason: lang === 'it' ? keychain.reasonIt : keychain.reason,
                })}
              </p>
              {form.authMethod === 'password' && (
                <>
                  <p>{t('account.keychainNoDisk')}</p>
                  <Check
                    checked={form.saveWithoutPassword}
                    onChange={(saveWithoutPassword) => set({ saveWithoutPassword })}
                    testId="save-without-password"
                  >
                    {t('account.saveWithoutPassword')}
                  </Check>
                </>
              )}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
