import { useState } from 'react';
import { errorMessage, useApi } from '../lib/api';
import { useI18n } from '../i18n/context';

/** Copies a value through the main process (clipboard:write) and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const api = useApi();
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | string>('idle');
  const copy = async () => {
    try {
      await api.invoke('clipboard:write', value);
      setState('copied');
    } catch (err) {
      setState(errorMessage(err));
    }
  };
  return (
    <>
      <button type="button" className="copy" onClick={() => void copy()} aria-label={label}>
        {t('result.copy')}
      </button>
      <span className="copy-feedback" role="status">
        {state === 'copied'
          ? t('result.copied')
          : state === 'idle'
            ? ''
            : t('result.actionFailed', { message: state })}
      </span>
    </>
  );
}
