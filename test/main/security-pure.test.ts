import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender, type TrustedOrigins } from '../../src/main/ipc/trusted-sender';
import { isAllowedAppRequest } from '../../src/main/request-filter';
import { getWindowOptions } from '../../src/main/window-options';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

const INDEX = '/opt/Mailcheck/resources/app.asar/out/renderer/index.html';
const packaged: TrustedOrigins = { rendererIndexPath: INDEX };
const dev: TrustedOrigins = { rendererIndexPath: INDEX, devServerUrl: 'http://localhost:5173/' };
const appUrl = pathToFileURL(INDEX).href;

describe('isTrustedSender', () => {
  it('trusts the main frame of our window showing our renderer file', () => {
    expect(isTrustedSender(appUrl, true, true, packaged)).toBe(true);
    expect(isTrustedSender(appUrl + '#/results', true, true, packaged)).toBe(true);
  });

  it('refuses foreign senders', () => {
    for (const frameUrl of [
      'https://evil.example/',
      'http://localhost:5173/', // no dev server in a packaged app
      'file:///home/me/Downloads/index.html',
      'file:///opt/Mailcheck/resources/app.asar/out/renderer/other.html',
      'file://remote-host/opt/Mailcheck/resources/app.asar/out/renderer/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      'not a url',
    ]) {
      expect(isTrustedSender(frameUrl, true, true, packaged), frameUrl).toBe(false);
    }
    expect(isTrustedSender(undefined, true, true, packaged)).toBe(false);
  });

  it('refuses a subframe and another window, even with our URL', () => {
    expect(isTrustedSender(appUrl, false, true, packaged)).toBe(false);
    expect(isTrustedSender(appUrl, true, false, packaged)).toBe(false);
  });

  it('trusts the dev server origin only in development, and only on loopback', () => {
    expect(isTrustedSender('http://localhost:5173/index.html', true, true, dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/', true, true, dev)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', true, true, dev)).toBe(false);
    const remoteDev = { rendererIndexPath: INDEX, devServerUrl: 'http://evil.example:5173/' };
    expect(isTrustedSender('http://evil.example:5173/', true, true, remoteDev)).toBe(false);
  });
});

describe('isAllowedAppRequest', () => {
  it('allows only the app files (and data:/blob:), never remote content', () => {
    expect(
      isAllowedAppRequest(
        pathToFileURL('/opt/Mailcheck/resources/app.asar/out/renderer/assets/a.js').href,
        packaged,
      ),
    ).toBe(true);
    expect(isAllowedAppRequest('data:image/png;base64,AAAA', packaged)).toBe(true);
    expect(isAllowedAppRequest('https://cdn.example/x.js', packaged)).toBe(false);
    expect(isAllowedAppRequest('http://localhost:5173/x.js', packaged)).toBe(false);
    expect(isAllowedAppRequest('file:///etc/passwd', packaged)).toBe(false);
    expect(
      isAllowedAppRequest('file:///opt/Mailcheck/resources/app.asar/out/renderer/../../../secret', packaged),
    ).toBe(false);
    expect(isAllowedAppRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedAppRequest('ws://localhost:9999/', dev)).toBe(false);
  });
});

describe('getWindowOptions', () => {
  it('sets every security-relevant webPreference explicitly', () => {
    const options = getWindowOptions({ preloadPath: '/app/out/preload/index.js' });
    const prefs = options.webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    // Each flag is present as an own property, not left to a default.
    for (const key of ['contextIsolation', 'sandbox', 'nodeIntegration', 'webSecurity', 'webviewTag']) {
      expect(Object.hasOwn(prefs, key), key).toBe(true);
    }
    expect(options.show).toBe(false);
  });

  it('uses restored bounds when given', () => {
    const options = getWindowOptions({
      preloadPath: '/p.js',
      bounds: { x: 10, y: 20, width: 900, height: 700 },
    });
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });
});

describe('Content Security Policy', () => {
  it('denies by default and allows no inline script, eval or remote origin', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    for (const directive of [
      "script-src 'self'",
      "connect-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
  });

  it('equals the meta tag of src/renderer/index.html', () => {
    const html = readFileSync(join(__dirname, '../../src/renderer/index.html'), 'utf8');
    const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(match, 'index.html has a CSP meta tag').not.toBeNull();
    expect(match![1]).toBe(CONTENT_SECURITY_POLICY);
  });
});
