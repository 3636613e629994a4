import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import type { RunProbeInput } from '../../../shared/ipc';
import { decodeIpcError } from '../../../shared/ipc-error';
import type { KeychainStatus } from '../../../shared/profile-types';
import type { RunContext, RunState } from '../components/TestScreen';
import { newRunId } from '../lib/form';
import { applyEvent, initialSteps, stepsFromResult } from '../lib/steps';

/** Main refuses a run that would lose the password it was asked to save (no keychain). */
const KEYCHAIN_UNAVAILABLE_CODE = 'KEYCHAIN_UNAVAILABLE';

/**
 * One test run at a time: starting it, its live steps, its outcome, Stop, "Test again", and the
 * retry without saving the password when the keychain refused it.
 */
export function useRun(
  api: MailcheckApi,
  hooks: {
    /** After every run: the saved accounts may carry a new last result. */
    onFinished: () => void;
    /** The keychain went away after start-up (main refused to save the password). */
    onKeychainLost: (status: KeychainStatus) => void;
  },
) {
  const [run, setRun] = useState<RunState | null>(null);
  const lastRunInput = useRef<RunProbeInput | null>(null);
  /** The run refused for want of a keychain, kept (with its typed password, in memory) for a retry. */
  const refusedRunInput = useRef<RunProbeInput | null>(null);
  const lastContext = useRef<RunContext>({ providerId: 'custom', usage: null });
  const { onFinished, onKeychainLost } = hooks;

  // Live progress: only events of the current run, and only until its result has arrived.
  useEffect(
    () =>
      api.on('probe:progress', ({ runId, event }) => {
        setRun((r) =>
          r && r.runId === runId && !r.result ? { ...r, steps: applyEvent(r.steps, event) } : r,
        );
      }),
    [api],
  );

  const start = useCallback(
    async (input: RunProbeInput, context: RunContext) => {
      // A refused run is offered again only until the next run starts: its password goes with it.
      refusedRunInput.current = null;
      // "Test again" must not save the password a second time.
      const { saveAs: _saveAs, ...again } = input;
      lastRunInput.current = again;
      lastContext.current = context;
      setRun({
        runId: input.runId,
        context,
        host: input.request.host,
        port: input.request.port,
        steps: initialSteps(Boolean(input.request.send), input.request.security, input.request.port),
        result: null,
        error: null,
      });
      try {
        const result = await api.invoke('probe:run', input);
        setRun((r) =>
          r && r.runId === input.runId ? { ...r, result, steps: stepsFromResult(r.steps, result) } : r,
        );
      } catch (cause) {
        const payload = decodeIpcError(cause);
        const keychainRefused =
          payload?.code === KEYCHAIN_UNAVAILABLE_CODE &&
          Boolean(input.saveAs) &&
          input.savePassword !== false;
        if (keychainRefused && payload) {
          // The keychain went away after start-up: the form now says so, and the same test can run
          // saving the settings only.
          refusedRunInput.current = input;
          onKeychainLost({ available: false, reason: payload.en, reasonIt: payload.it });
        }
        setRun((r) =>
          r && r.runId === input.runId
            ? { ...r, error: { cause, canRetryWithoutSaving: keychainRefused } }
            : r,
        );
      }
      onFinished();
    },
    [api, onFinished, onKeychainLost],
  );

  const retryWithoutSaving = useCallback(() => {
    const refused = refusedRunInput.current;
    if (refused) void start({ ...refused, runId: newRunId(), savePassword: false }, lastContext.current);
  }, [start]);

  const runId = run?.runId;
  const stop = useCallback(() => {
    if (runId) void api.invoke('probe:cancel', runId).catch(() => undefined);
  }, [api, runId]);

  /** Runs the last test again, with `patch` applied to its settings (a one-click fix). */
  const again = useCallback(
    (patch: Partial<RunProbeInput['request']> = {}) => {
      const last = lastRunInput.current;
      if (last) {
        void start(
          { ...last, runId: newRunId(), request: { ...last.request, ...patch } },
          lastContext.current,
        );
      }
    },
    [start],
  );

  const running = run !== null && !run.result && !run.error;
  return { run, running, start, stop, again, retryWithoutSaving };
}
