import type {
  Localized,
  ProbeEvent,
  ProbeResult,
  SecurityMode,
  StepId,
  StepStatus,
} from '../../../shared/probe-types';
import { STEP_IDS } from '../../../shared/probe-types';

export type StepState = 'waiting' | 'running' | StepStatus;

export interface StepView {
  id: StepId;
  state: StepState;
  ms: number | null;
  summary: Localized | null;
}

const IMPLICIT_TLS_PORT = 465;

/**
 * The order the steps will run in: with SSL/TLS (implicit TLS) the encryption comes before the
 * server's greeting; with STARTTLS after the greeting and EHLO.
 */
export function stepOrder(security: SecurityMode = 'starttls', port = 587): StepId[] {
  const implicit = security === 'tls' || (security === 'auto' && port === IMPLICIT_TLS_PORT);
  if (!implicit) return [...STEP_IDS];
  const withoutTls = STEP_IDS.filter((id) => id !== 'tls');
  const at = withoutTls.indexOf('greeting');
  return [...withoutTls.slice(0, at), 'tls', ...withoutTls.slice(at)];
}

export function initialSteps(includeSend: boolean, security?: SecurityMode, port?: number): StepView[] {
  return stepOrder(security, port)
    .filter((id) => includeSend || id !== 'send')
    .map((id) => ({
      id,
      state: 'waiting',
      ms: null,
      summary: null,
    }));
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
 * The final word: the result's steps replace whatever the live events said, in the order they ran.
 * The engine lists them in a fixed order, so the order comes from the security that was used: a
 * connection encrypted from the first byte (chosen, or found by the follow-up on port 465) ran the
 * encryption before the greeting.
 */
export function stepsFromResult(steps: StepView[], result: ProbeResult): StepView[] {
  const byId = new Map(result.steps.map((s) => [s.id, s]));
  // A step the run did not ask for (the test message) stays hidden when the engine merely skipped it.
  const shown = (id: StepId) =>
    steps.some((s) => s.id === id) || (byId.has(id) && byId.get(id)?.status !== 'skip');
  const implicit = result.server.securityUsed === 'tls' || result.request.security === 'tls';
  const ids = stepOrder(implicit ? 'tls' : result.request.security, result.request.port).filter(shown);
  return ids.map((id) => {
    const step = byId.get(id);
    if (step) return { id, state: step.status, ms: step.ms, summary: step.summary };
    return { id, state: 'skip', ms: null, summary: null };
  });
}
