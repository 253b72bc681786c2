import { matchRoute, safeNext } from '../../../client/src/routes';

describe('the client routes', () => {
  it.each([
    ['/', { name: 'search' }],
    ['/login', { name: 'login' }],
    ['/articles/new', { name: 'new' }],
    ['/articles/router-blinks', { name: 'article', slug: 'router-blinks' }],
    ['/articles/router-blinks/', { name: 'article', slug: 'router-blinks' }],
    ['/articles/router-blinks/edit', { name: 'edit', slug: 'router-blinks' }],
    ['/articles/router-blinks/history', { name: 'history', slug: 'router-blinks' }],
    ['/queue', { name: 'queue', department: null }],
    ['/queue/billing', { name: 'queue', department: 'billing' }],
    ['/impact/network', { name: 'impact', department: 'network' }],
    ['/dashboard', { name: 'dashboard' }],
    ['/admin/audit', { name: 'audit' }],
    ['/admin/settings', { name: 'settings' }],
    ['/account', { name: 'account' }],
    ['/admin/departments', { name: 'departments' }],
    ['/queue/%E0%A4%A', { name: 'notFound' }],
    ['/articles/a/b/c', { name: 'notFound' }],
    ['/nowhere', { name: 'notFound' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });

  it('accepts only same-site paths after sign-in (no open redirects, no login loop)', () => {
    expect(safeNext('/queue/network?tab=flags')).toBe('/queue/network?tab=flags');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example/')).toBe('/');
    expect(safeNext('/login?next=/')).toBe('/');
  });
});
