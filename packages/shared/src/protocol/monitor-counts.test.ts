import { describe, expect, it } from 'vitest';
import { AttemptStatusSchema } from '../domain/session';
import { countBucketOf, emptyMonitorCounts } from './monitor-counts';

describe('countBucketOf', () => {
  it('puts every status in one of the header buckets', () => {
    const buckets = Object.keys(emptyMonitorCounts());
    for (const status of AttemptStatusSchema.options) {
      expect(buckets).toContain(countBucketOf(status, false, false));
    }
  });

  it('tells 已登录 from 待审核 and 未登录 from 缺考', () => {
    expect(countBucketOf('logged_in', false, false)).toBe('loggedIn');
    expect(countBucketOf('logged_in', true, false)).toBe('awaitingAdmission');
    expect(countBucketOf('registered', false, false)).toBe('notLoggedIn');
    expect(countBucketOf('registered', false, true)).toBe('absent');
    expect(countBucketOf('force_submitted', true, false)).toBe('submitted');
  });
});
