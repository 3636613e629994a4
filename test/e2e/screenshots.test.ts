/**
 * A test run leaves docs/screenshots/ alone: the e2e tests write their screenshots there only
 * when asked (`npm run screenshots` sets MAILCHECK_SCREENSHOTS=1).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, screenshotPath } from './harness';

describe('screenshots', () => {
  it('are written to docs/screenshots only with MAILCHECK_SCREENSHOTS=1', () => {
    expect(screenshotPath('result-ok-en', {})).toBeUndefined();
    expect(screenshotPath('result-ok-en', { MAILCHECK_SCREENSHOTS: '0' })).toBeUndefined();
    expect(screenshotPath('result-ok-en', { MAILCHECK_SCREENSHOTS: '1' })).toBe(
      join(SCREENSHOT_DIR, 'result-ok-en.png'),
    );
    expect(SCREENSHOT_DIR.endsWith(join('docs', 'screenshots'))).toBe(true);
  });
});
