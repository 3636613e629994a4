import type {
  Localized,
  ProbeEvent,
  ProbeResult,
  SecurityMode,
  StepId,
  StepStatus,
} from '../../../shared/probe-types';
import { RECEIVE_STEP_IDS, STEP_IDS } from '../../../shared/probe-types';

export type StepState = 'waiting' | 'running' | StepStatus;

export interface StepView {
  id: StepId;
  state: StepState;
  ms: number | null;
  summary: Localized | null;
}

/** Ports where `auto` means implicit TLS (SMTP, IMAP, POP3): the encryption comes first. */
const IMPLICIT_TLS_PORTS: readonly number[] = [465, 993, 995];

/**
 * The order the steps will run in, from the protocol's list (SMTP's STEP_IDS or
 * RECEIVE_STEP_IDS): with SSL/TLS (implicit TLS) the encryption comes before the server's
 * greeting; with STARTTLS after the greeting and the capabilities.
 */
export function stepOrder(
  security: SecurityMode = 'starttls',
  port = 587,
  base: readonly StepId[] = STEP_IDS,
): StepId[] {
  const implicit = security === 'tls' || (security === 'auto' && IMPLICIT_TLS_PORTS.includes(port));
  if (!implicit) return [...base];
  const withoutTls = base.filter((id) => id !== 'tls');
  const at = withoutTls.indexOf('greeting');
  return [...withoutTls.slice(0, at), 'tls', ...withoutTls.slice(at)];
}

export function initialSteps(includeSend: boolean, security?: SecurityMode, port?: number): StepView[] {
  return listOf(stepOrder(security, port).filter((id) => includeSend || id !== 'send'));
}

/** The steps of an IMAP or POP3 test, in the order they will run. */
export function initialReceiveSteps(security?: SecurityMode, port?: number): StepView[] {
  return listOf(stepOrder(security, port, RECEIVE_STEP_IDS));
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
/**
 * The final word: the result's steps replace whatever the live events said, in the order they ran.
 * The engine lists them in a fixed order (`order`: SMTP's STEP_IDS or RECEIVE_STEP_IDS), so the
 * order comes from the security that was used: a connection encrypted from the first byte (chosen,
 * or found by the follow-up on an SSL/TLS port) ran the encryption before the greeting. A step the
 * result has outside that order follows at the end.
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
  const implicit = result.server.securityUsed === 'tls' || result.request.security === 'tls';
  const ran = stepOrder(implicit ? 'tls' : result.request.security, result.request.port, order);
  const extra = result.steps.map((s) => s.id).filter((id) => !ran.includes(id));
  const ids = [...ran, ...extra].filter(shown);
  return ids.map((id) => {
    const step = byId.get(id);
    if (step) return { id, state: step.status, ms: step.ms, summary: step.summary };
    return { id, state: 'skip', ms: null, summary: null };
  });
}
