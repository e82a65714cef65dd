import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRoute, paths } from './routes.ts';

void test('console paths parse back to their routes', () => {
  assert.deepEqual(parseRoute('/console'), { name: 'inbox' });
  assert.deepEqual(parseRoute('/console/'), { name: 'inbox' });
  assert.deepEqual(parseRoute(paths.case('0b6c1e2a-1111-4222-8333-444455556666')), { name: 'case', id: '0b6c1e2a-1111-4222-8333-444455556666' });
  assert.deepEqual(parseRoute(paths.intake()), { name: 'intake' });
  assert.deepEqual(parseRoute(`${paths.settings()}/`), { name: 'settings' });
  assert.deepEqual(parseRoute(paths.outbox()), { name: 'outbox' });
  assert.equal(paths.outbox('held'), '/console/outbox?status=held');
  assert.deepEqual(parseRoute(paths.channels()), { name: 'channels' });
  assert.deepEqual(parseRoute(paths.reports()), { name: 'reports' });
  assert.deepEqual(parseRoute(paths.calendar()), { name: 'calendar' });
  assert.deepEqual(parseRoute(paths.routing()), { name: 'routing' });
  assert.deepEqual(parseRoute('/console/nope'), { name: 'not-found' });
});
