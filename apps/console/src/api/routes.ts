/* Hash routes of the console: #/sessions, #/s/<id>/<page>, #/audit and the site pages. Pure, tested. */

export const SESSION_PAGES = [
  'monitor',
  'incidents',
  'results',
  'marking',
  // the exam admin's set-up pages (docs/decisions/0965–0967)
  'setup',
  'roster',
  'rooms',
  'candidates',
] as const;
export type SessionPage = (typeof SESSION_PAGES)[number];

export type Route =
  | { readonly name: 'sessions' }
  | { readonly name: 'audit' }
  | { readonly name: 'jobs' }
  | { readonly name: 'new-session' }
  | { readonly name: 'keys' }
  | { readonly name: 'staff' }
  | { readonly name: 'backups' }
  | { readonly name: 'kiosks' }
  | { readonly name: 'session'; readonly sessionId: string; readonly page: SessionPage };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'audit') return { name: 'audit' };
  if (parts[0] === 'jobs') return { name: 'jobs' };
  if (parts[0] === 'new-session') return { name: 'new-session' };
  if (parts[0] === 'keys') return { name: 'keys' };
  if (parts[0] === 'staff') return { name: 'staff' };
  if (parts[0] === 'backups') return { name: 'backups' };
  if (parts[0] === 'kiosks') return { name: 'kiosks' };
  if (parts[0] === 's' && parts[1] !== undefined) {
    const page = (SESSION_PAGES as readonly string[]).includes(parts[2] ?? '')
      ? (parts[2] as SessionPage)
      : 'monitor';
    return { name: 'session', sessionId: parts[1], page };
  }
  return { name: 'sessions' };
}

export function routeHash(route: Route): string {
  switch (route.name) {
    case 'sessions':
      return '#/sessions';
    case 'audit':
      return '#/audit';
    case 'jobs':
      return '#/jobs';
    case 'new-session':
      return '#/new-session';
    case 'keys':
      return '#/keys';
    case 'staff':
      return '#/staff';
    case 'backups':
      return '#/backups';
    case 'kiosks':
      return '#/kiosks';
    case 'session':
      return `#/s/${encodeURIComponent(route.sessionId)}/${route.page}`;
  }
}
