import { describe, expect, it } from 'vitest';
import { distributionClientId, distributionConfigPath } from '../../src/engine/oauth/distribution';

const FILE_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const BUILD_ID = '11111111-2222-4333-8444-555555555555';
const ENV_ID = '99999999-8888-4777-8666-555555555555';
const missing = () => {
  throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
};

describe('the distribution client id', () => {
  it('lives in a documented file per OS', () => {
    expect(distributionConfigPath('linux', {})).toBe('/etc/mailcheck/oauth.json');
    expect(distributionConfigPath('darwin', {})).toBe('/Library/Application Support/Mailcheck/oauth.json');
    expect(distributionConfigPath('win32', { ProgramData: 'D:\\PD' })).toMatch(
      /^D:\\PD.Mailcheck.oauth\.json$/,
    );
  });

  it('administrator file > baked in at build > environment', () => {
    const env = { MAILCHECK_MS_CLIENT_ID: ENV_ID };
    const file = JSON.stringify({ clientId: FILE_ID });
    expect(distributionClientId({ env, bakedIn: BUILD_ID, file: 'x', read: () => file })).toEqual({
      clientId: FILE_ID,
      source: 'file',
    });
    expect(distributionClientId({ env, bakedIn: BUILD_ID, file: 'x', read: missing })).toEqual({
      clientId: BUILD_ID,
      source: 'build',
    });
    expect(distributionClientId({ env, bakedIn: '', file: 'x', read: missing })).toEqual({
      clientId: ENV_ID,
      source: 'env',
    });
    expect(distributionClientId({ env: {}, bakedIn: '', file: 'x', read: missing })).toBeNull();
  });

  it('says why a file it cannot use is ignored, and never takes a non-GUID', () => {
    const problems: string[] = [];
    const onProblem = (m: string) => problems.push(m);
    expect(
      distributionClientId({ env: {}, file: '/etc/mailcheck/oauth.json', read: () => '{ nope', onProblem }),
    ).toBeNull();
    expect(
      distributionClientId({ env: {}, file: 'f', read: () => '{"clientId":"not-a-guid"}', onProblem }),
    ).toBeNull();
    expect(
      distributionClientId({
        env: {},
        file: 'f',
        read: () => {
          throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
        },
        onProblem,
      }),
    ).toBeNull();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('/etc/mailcheck/oauth.json');
    expect(
      distributionClientId({ env: { MAILCHECK_MS_CLIENT_ID: 'x' }, file: 'f', read: missing }),
    ).toBeNull();
  });
});
