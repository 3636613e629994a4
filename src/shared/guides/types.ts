import type { Localized } from '../probe-types';

/**
 * A provider guide is DATA: the window renders any guide of this shape, so a new provider needs a
 * new data file (and its pictures), not new code. See docs/guide.md.
 */
export interface GuideStep {
  /** Stable id: diagnoses link to it (`guide: { guideId, stepId }`). Never renamed. */
  id: string;
  title: Localized;
  /** Paragraphs, in order. */
  body: Localized[];
  /** Ordered actions for the user, shown as a numbered list (may be empty). */
  actions: Localized[];
  /**
   * File name of the picture under resources/guide/ (e.g. `outlook/app-password.svg`). `{lang}` in
   * it is replaced by the window's language, so that each picture has one language only
   * (`password-only/gmail.{lang}.svg` → `gmail.it.svg`).
   */
  image: string;
  /** Describes the picture for screen readers, and says when it is an illustration. */
  imageAlt: Localized;
  /** A button the window shows with this step. `oauth-sign-in` starts "Sign in with Microsoft". */
  action?: 'oauth-sign-in';
  /** Another guide's step this one leads to, shown as a button. */
  link?: { guideId: string; stepId: string };
  /** Provider presets this step can try in one click (src/shared/providers.ts ids). */
  presets?: string[];
}

/** A dated, prominent warning shown at the top of a guide. */
export interface GuideNotice {
  /** ISO date the facts were last checked. */
  checked: string;
  title: Localized;
  body: Localized[];
  /** The step the notice points to. */
  stepId: string;
}

export interface Guide {
  id: string;
  /** Provider presets this guide is for (src/shared/providers.ts). */
  providerIds: string[];
  title: Localized;
  intro: Localized;
  notice?: GuideNotice;
  steps: GuideStep[];
}
