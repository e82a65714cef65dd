import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually } from './eventually.ts';
import { testEngines } from './fresh-db.ts';
import { startServerProcess, startTestServer, type TestServer } from './test-server.ts';

// Across processes, so PostgreSQL only (one process owns a PGlite database).
if (testEngines().includes('postgres')) {
  void describe('an api process wakes the worker processes through the database [postgres]', () => {
    let worker: TestServer;
    let api: { url: string; close(): Promise<void> };
    before(async () => {
      // A worker that would not poll again for an hour: only a wake-up can make it deliver soon.
      worker = await startTestServer({ engine: 'postgres', env: { GANDAN_ROLE: 'worker' }, workerPollMs: 3_600_000 });
      api = await startServerProcess(worker.databaseUrl!);
    });
    after(async () => {
      await api?.close();
      await worker?.close();
    });

    test('a case opened through the api process is acknowledged by the worker process without waiting for its poll', async () => {
      const res = await fetch(`${api.url}/api/public/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: 'Đèn đường trước số 12 Lê Lợi bị hỏng', unitCode: '26740' }),
      });
      assert.equal(res.status, 201);
      const { trackingCode } = (await res.json()) as { trackingCode: string };
      const status = await eventually('acknowledgement delivered', async () => {
        const rows = await worker.db.query<{ status: string }>(
          'SELECT o.status FROM outbound_messages o JOIN cases c ON c.id = o.case_id WHERE c.tracking_code = $1',
          [trackingCode],
        );
        return rows[0]?.status === 'sent' ? rows[0].status : undefined;
      }, 30_000);
      assert.equal(status, 'sent');
    });
  });
}
