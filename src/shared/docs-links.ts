/**
 * Where the window links to Mailcheck's own documentation. The docs/ folder of the repository is
 * published under the project's homepage (package.json `homepage`); a distribution that hosts it
 * elsewhere changes this one constant.
 */
export const DOCS_BASE_URL = 'https://mailcheck.invalid/docs/';

/** "Sign in with Microsoft": how a distribution configures its client id. */
export const OAUTH_DOCS_URL = `${DOCS_BASE_URL}oauth.md`;
