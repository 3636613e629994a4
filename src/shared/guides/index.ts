import { OUTLOOK_GUIDE } from './outlook';
import { PASSWORD_ONLY_GUIDE } from './password-only';
import type { Guide, GuideStep } from './types';

export type { Guide, GuideNotice, GuideStep } from './types';

/** Every guide the app knows. Add a data file and list it here. */
export const GUIDES: readonly Guide[] = [OUTLOOK_GUIDE, PASSWORD_ONLY_GUIDE];

export function getGuide(id: string): Guide | null {
  return GUIDES.find((g) => g.id === id) ?? null;
}

export function getGuideStep(guideId: string, stepId: string): GuideStep | null {
  return getGuide(guideId)?.steps.find((s) => s.id === stepId) ?? null;
}

/** The guide for a provider preset, if any. */
export function guideForProvider(providerId: string): Guide | null {
  return GUIDES.find((g) => g.providerIds.includes(providerId)) ?? null;
}
