import type { Localized, ProbeEvent, ProbeResult, StepId, StepStatus } from '../../../shared/probe-types';
import { RECEIVE_STEP_IDS, STEP_IDS } from '../../../shared/probe-types';

export type StepState = 'waiting' | 'running' | StepStatus;

export interface StepView {
  id: StepId;
  state: StepState;
  ms: number | null;
  summary: Localized | null;
}

export function initialSteps(includeSend: boolean): StepView[] {
  return listOf(STEP_IDS.filter((id) => includeSend || id !== 'send'));
}

/** The steps of an IMAP or POP3 test, in the order they run. */
export function initialReceiveSteps(): StepView[] {
  return listOf(RECEIVE_STEP_IDS);
}

function listOf(ids: readonly StepId[]): StepView[] {
  return ids.map((id) => ({ id, state: 'waiting', ms: null, summary: null }));
}

/** Applies one live progress event. Pure: returns a new list. */
export function applyEvent(steps: StepView[], event: ProbeEvent): StepView[] {
  if (event.type === 'step-start') {
    return steps.map((s) => (s.id === event.id ? { ...s, state: 'running' } : s));
  }
  const { step } = event;
  const known = steps.some((s) => s.id === step.id);
  const updated: StepView = { id: step.id, state: step.status, ms: step.ms, summary: step.summary };
  if (known) return steps.map((s) => (s.id === step.id ? updated : s));
  // A step the list does not show (the test message when none was asked) appears only if it ran.
  return step.status === 'skip' ? steps : [...steps, updated];
}

/**
 * The final word: the result's steps replace whatever the live events said. `order` is the
 * protocol's step order (SMTP's STEP_IDS, or RECEIVE_STEP_IDS); a step the result has outside
 * that order follows in the order it ran.
 */
export function stepsFromResult(
  steps: StepView[],
  result: ProbeResult,
  order: readonly StepId[] = STEP_IDS,
): StepView[] {
  const byId = new Map(result.steps.map((s) => [s.id, s]));
  // A step the run did not ask for (the test message) stays hidden when the engine merely skipped it.
  const shown = (id: StepId) =>
    steps.some((s) => s.id === id) || (byId.has(id) && byId.get(id)?.status !== 'skip');
  const extra = result.steps.map((s) => s.id).filter((id) => !order.includes(id));
  const ids = [...order, ...extra].filter(shown);
  return ids.map((id) => {
    const step = byId.get(id);
    if (step) return { id, state: step.status, ms: step.ms, summary: step.summary };
    return { id, state: 'skip', ms: null, summary: null };
  });
}
