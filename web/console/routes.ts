/** The console's pages, read from location.pathname (the server serves index.html for every /console/* path). */
export type ConsoleRoute =
  | { name: 'inbox' }
  | { name: 'case'; id: string }
  | { name: 'intake' }
  | { name: 'settings' }
  | { name: 'outbox' }
  | { name: 'channels' }
  | { name: 'reports' }
  | { name: 'notifications' }
  | { name: 'calendar' }
  | { name: 'routing' }
  | { name: 'replyTemplates' }
  | { name: 'not-found' };

export const BASE = '/console';

export const paths = {
  inbox: (search = '') => `${BASE}/${search}`,
  case: (id: string) => `${BASE}/cases/${encodeURIComponent(id)}`,
  intake: () => `${BASE}/intake`,
  settings: () => `${BASE}/settings`,
  outbox: (status?: 'held' | 'dead' | 'queued') => `${BASE}/outbox${status ? `?status=${status}` : ''}`,
  channels: () => `${BASE}/channels`,
  reports: () => `${BASE}/bao-cao`,
  notifications: () => `${BASE}/thong-bao`,
  calendar: () => `${BASE}/calendar`,
  routing: () => `${BASE}/routing`,
  replyTemplates: () => `${BASE}/mau-tra-loi`,
};

export function parseRoute(pathname: string): ConsoleRoute {
  const rest = pathname.replace(/^\/console/, '').replace(/\/+$/, '');
  if (rest === '' || rest === '/cases') return { name: 'inbox' };
  const caseMatch = /^\/cases\/([^/]+)$/.exec(rest);
  if (caseMatch?.[1]) return { name: 'case', id: decodeURIComponent(caseMatch[1]) };
  if (rest === '/intake') return { name: 'intake' };
  if (rest === '/settings') return { name: 'settings' };
  if (rest === '/outbox') return { name: 'outbox' };
  if (rest === '/channels') return { name: 'channels' };
  if (rest === '/bao-cao') return { name: 'reports' };
  if (rest === '/thong-bao') return { name: 'notifications' };
  if (rest === '/calendar') return { name: 'calendar' };
  if (rest === '/routing') return { name: 'routing' };
  if (rest === '/mau-tra-loi') return { name: 'replyTemplates' };
  return { name: 'not-found' };
}
