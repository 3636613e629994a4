import type { Localized, StepId } from '../probe-types';

/**
 * One entry of the diagnosis catalogue: what went wrong, in plain words, and what to do, in order.
 * Texts may interpolate `{param}` values from the DiagnosisRef (host, port, reply…).
 */
export interface DiagnosisEntry {
  /** Stable id, e.g. `auth.basic-disabled`. Never renamed: reports and links use it. */
  id: string;
  /** The step where this usually shows up (informational; the ref carries the actual step). */
  step: StepId;
  title: Localized;
  explanation: Localized;
  /** Ordered: the first item is what to try first. */
  advice: Localized[];
  /** The guide step that fixes it, when one applies. */
  guide?: { guideId: string; stepId: string };
}

/** A diagnosis rendered in one language, ready to print or show. */
export interface RenderedDiagnosis {
  id: string;
  step: StepId;
  title: string;
  explanation: string;
  advice: string[];
  guide: { guideId: string; stepId: string } | null;
  reply: string | null;
}
