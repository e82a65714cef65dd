import type { Queryable } from '../db/client.ts';
import { listPublicRequests, listPublicRequestsByIds, type PublicRequestRow } from '../db/repositories/open311.repo.ts';
import type { RequestListQuery } from '../domain/open311/list-query.ts';
import { caseStatusesFor } from '../domain/open311/status.ts';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** Public service requests for GeoReport `GET requests` (ids override every other filter). */
export async function listOpen311Requests(db: Queryable, query: RequestListQuery): Promise<PublicRequestRow[]> {
  if (query.ids) {
    const ids = query.ids.filter((id) => UUID_RE.test(id));
    return ids.length > 0 ? listPublicRequestsByIds(db, ids) : [];
  }
  return listPublicRequests(db, { ...query, statuses: caseStatusesFor(query.statuses) });
}

/** One public service request, or undefined (unknown ids and non-public cases alike). */
export async function findOpen311Request(db: Queryable, id: string): Promise<PublicRequestRow | undefined> {
  if (!UUID_RE.test(id)) return undefined;
  return (await listPublicRequestsByIds(db, [id]))[0];
}
