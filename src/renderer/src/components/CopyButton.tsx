import { useState } from 'react';
import { uiErrorMessage, useApi } from '../lib/api';
import { useI18n } from '../i18n/context';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; error: unknown };

/** Copies a value through the main process (clipboard:write) and says so. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const api = useApi();
  const { t, lang } = useI18n();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async () => {
    try {
      await api.invoke('clipboard:write', value);
      setState({ kind: 'copied' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return (
    <>
      <button type="button" className="copy" onClick={() => void copy()} aria-label={label}>
        {t('result.copy')}
      </button>
      <span className="copy-feedback" role="status">
        {state.kind === 'copied'
          ? t('result.copied')
          : state.kind === 'failed'
            ? t('result.actionFailed', { message: uiErrorMessage(state.error, lang) })
            : ''}
      </span>
    </>
  );
}
