import type { Lang } from '../../../shared/probe-types';

/**
 * Guide pictures live in resources/guide/ (easy to swap for real screenshots); Vite bundles them as
 * assets (small ones inline as data: URLs, which the CSP's img-src allows).
 */
const images = import.meta.glob<string>('../../../../resources/guide/**/*.{svg,png,jpg,webp}', {
  eager: true,
  query: '?url',
  import: 'default',
});

const PREFIX = '../../../../resources/guide/';

/**
 * URL of a guide picture by its path under resources/guide/ (`{lang}` replaced by the window's
 * language), or null if the file is missing.
 */
export function guideImageUrl(path: string, lang: Lang): string | null {
  return images[PREFIX + path.replace('{lang}', lang)] ?? null;
}
