import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './routes';

describe('console routes', () => {
  it('round-trips every route and falls back to the session list', () => {
    for (const route of [
      { name: 'sessions' } as const,
      { name: 'audit' } as const,
      { name: 'jobs' } as const,
      { name: 'new-session' } as const,
      { name: 'session', sessionId: 's1', page: 'roster' } as const,
      { name: 'keys' } as const,
      { name: 'staff' } as const,
      { name: 'session', sessionId: 's 1/x', page: 'results' } as const,
    ]) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(parseRoute('')).toEqual({ name: 'sessions' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'sessions' });
    expect(parseRoute('#/s/s1/unknown')).toEqual({
      name: 'session',
      sessionId: 's1',
      page: 'monitor',
    });
  });
});
