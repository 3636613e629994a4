import { useCallback, useEffect, useRef, useState } from 'react';
import type { MailcheckApi } from '../../../shared/api';
import type { RunReceiveInput } from '../../../shared/ipc';
import { RECEIVE_STEP_IDS, type ReceiveProtocol, type ReceiveResult } from '../../../shared/probe-types';
import { newRunId } from '../lib/form';
import { applyEvent, initialReceiveSteps, stepsFromResult, type StepView } from '../lib/steps';

/** The receiving side of a test (IMAP or POP3), shown next to the sending one. */
export interface ReceiveRunState {
  runId: string;
  protocol: ReceiveProtocol;
  host: string;
  port: number;
  steps: StepView[];
  result: ReceiveResult | null;
  /** receive:run itself failed (not a failed test: that is a result). */
  error: unknown;
}

/**
 * The incoming server's test: started with the sending test (in parallel, each with its own live
 * steps), stopped and repeated with it. Cleared when a test without an incoming server starts.
 */
export function useReceiveRun(api: MailcheckApi) {
  const [run, setRun] = useState<ReceiveRunState | null>(null);
  const lastInput = useRef<RunReceiveInput | null>(null);

  useEffect(
    () =>
      api.on('receive:progress', ({ runId, event }) => {
        setRun((r) =>
          r && r.runId === runId && !r.result ? { ...r, steps: applyEvent(r.steps, event) } : r,
        );
      }),
    [api],
  );

  const start = useCallback(
    async (input: RunReceiveInput) => {
      lastInput.current = input;
      const { protocol, host, port } = input.request;
      setRun({
        runId: input.runId,
        protocol,
        host,
        port,
        steps: initialReceiveSteps(input.request.security, port),
        result: null,
        error: null,
      });
      const settle = (patch: (r: ReceiveRunState) => ReceiveRunState) =>
        setRun((r) => (r && r.runId === input.runId ? patch(r) : r));
      try {
        const result = await api.invoke('receive:run', input);
        settle((r) => ({ ...r, result, steps: stepsFromResult(r.steps, result, RECEIVE_STEP_IDS) }));
      } catch (error) {
        settle((r) => ({ ...r, error: error ?? new Error('receive:run failed') }));
      }
    },
    [api],
  );

  const clear = useCallback(() => {
    lastInput.current = null;
    setRun(null);
  }, []);

  const runId = run?.runId;
  const stop = useCallback(() => {
    if (runId) void api.invoke('receive:cancel', runId).catch(() => undefined);
  }, [api, runId]);

  const again = useCallback(() => {
    const last = lastInput.current;
    if (last) void start({ ...last, runId: newRunId() });
  }, [start]);

  const running = run !== null && !run.result && !run.error;
  return { run, running, start, clear, stop, again };
}
