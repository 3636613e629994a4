import type { Localized, StepId } from '../probe-types';

/**
 * The servers a piece of advice (or a guide link) is meant for: `microsoft` for Microsoft's own
 * submission hosts (Outlook.com, Microsoft 365), `other` for every other server. Absent: all.
 * renderDiagnosis picks by the ref's `host` parameter (see `audienceOfHost`).
 */
export type DiagnosisAudience = 'microsoft' | 'other';

/** One advice item, in every language, optionally for one audience only. */
export type DiagnosisAdvice = Localized & { audience?: DiagnosisAudience };

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
  /** Ordered: the first item is what to try first. Items for another audience are left out. */
  advice: DiagnosisAdvice[];
  /** The guide step that fixes it, when one applies (to `audience` only, when set). */
  guide?: { guideId: string; stepId: string; audience?: DiagnosisAudience };
}

/** A diagnosis rendered in one language, ready to print or show. */
export interface RenderedDiagnosis {
  id: string;
  step: StepId;
  title: string;
  explanation: string;
  advice: string[];
  /** The guide step that fixes it, with its titles in the rendered language; null when none applies. */
  guide: RenderedGuideLink | null;
  reply: string | null;
}

/** A link to a guide step, resolved: the titles are the guide's own (the step's carries its number). */
export interface RenderedGuideLink {
  guideId: string;
  stepId: string;
  /** The guide's title, e.g. `Outlook.com / Hotmail: sending mail from another program`. */
  guideTitle: string;
  /** The step's title, numbered as in the guide, e.g. `3. Create an app password`. */
  stepTitle: string;
}
