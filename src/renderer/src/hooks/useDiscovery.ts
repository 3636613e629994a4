import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import type { DiscoveryAnswer } from '../../../shared/discovery-types';
import { detectProvider, emailDomain } from '../../../shared/providers';
import { isCompleteAddress } from '../lib/discovery-form';
import { newRunId, type AccountForm } from '../lib/form';

/** Typing pauses this long before discovery starts: one search per address, not per keystroke. */
export const DISCOVERY_DEBOUNCE_MS = 400;

export type DiscoveryState =
  | { kind: 'idle' }
  | { kind: 'searching'; domain: string }
  | { kind: 'done'; answer: DiscoveryAnswer }
  | { kind: 'failed'; domain: string; error: unknown };

export interface DiscoveryControls {
  state: DiscoveryState;
  /**
   * The user typed in the address field: (re)starts the debounced search. `form` is the form
   * with that address, so that fields edited while the search runs are not overwritten.
   */
  onEmailTyped: (email: string, form: AccountForm) => void;
}

/**
 * "Find the settings from the address": once the address is complete (and its provider is not
 * one of the presets, which already fill everything), discovery:run starts after a short pause;
 * a newer address cancels the search still running. Only the address is sent: no password.
 */
export function useDiscovery(
  api: MailcheckApi,
  onFound: (answer: DiscoveryAnswer, asked: AccountForm) => void,
): DiscoveryControls {
  const [state, setState] = useState<DiscoveryState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const current = useRef<string | null>(null);
  const found = useRef(onFound);
  useEffect(() => {
    found.current = onFound;
  }, [onFound]);

  const cancelCurrent = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const id = current.current;
    current.current = null;
    if (id) void api.invoke('discovery:cancel', id).catch(() => undefined);
  }, [api]);

  useEffect(() => cancelCurrent, [cancelCurrent]);

  const search = useCallback(
    async (address: string, asked: AccountForm) => {
      const id = newRunId();
      current.current = id;
      const domain = emailDomain(address) ?? address;
      setState({ kind: 'searching', domain });
      try {
        const answer = await api.invoke('discovery:run', { discoveryId: id, address });
        if (current.current !== id) return;
        current.current = null;
        setState({ kind: 'done', answer });
        if (!answer.cancelled) found.current(answer, asked);
      } catch (error) {
        if (current.current !== id) return;
        current.current = null;
        setState({ kind: 'failed', domain, error });
      }
    },
    [api],
  );

  const onEmailTyped = useCallback(
    (email: string, form: AccountForm) => {
      cancelCurrent();
      setState({ kind: 'idle' });
      const address = email.trim();
      if (!isCompleteAddress(address) || detectProvider(address)) return;
      timer.current = setTimeout(() => {
        timer.current = null;
        void search(address, form);
      }, DISCOVERY_DEBOUNCE_MS);
    },
    [cancelCurrent, search],
  );

  return { state, onEmailTyped };
}
