/**
 * The renderer's Content Security Policy, in one place: the main process sends it as a response
 * header for every app document, and src/renderer/index.html carries the same text in its meta tag
 * (a test checks that they are equal). Pure constants: the renderer may import this file.
 *
 * Everything is denied by default; the app only loads its own scripts, styles, fonts and images
 * from its own origin. No inline script or style, no eval, no network access from the page (all
 * networking happens in the main process), no frames, no forms, no <base>, no plugins.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CONTENT_SECURITY_POLICY: string = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join(
  '; ',
);
