import type { CaseStatus } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';

/** A case as GeoReport `GET requests` may show it (description only for requests that came through Open311). */
export type PublicRequestRow = {
  id: string;
  status: CaseStatus;
  serviceCode: string;
  description: string | null;
  unitName: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  lat: number | null;
  lng: number | null;
  address: string | null;
  mediaUrl: string | null;
};

type Row = {
  id: string;
  status: CaseStatus;
  category: string;
  description: string | null;
  unit_name: string;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  location_lat: number | null;
  location_lng: number | null;
  address: string | null;
  media_url: string | null;
};

/**
 * Reports about the city (type phan_anh) with a category are public in GeoReport. The citizen's own text is
 * published (redacted by the caller) only when it was sent through Open311, where partner apps tell their
 * users it is public; messages from Zalo, Facebook or the portal show category, status, dates and place only.
 */
const SELECT_PUBLIC = `
SELECT c.id, c.status, c.category, c.created_at, c.updated_at, coalesce(c.closed_at, c.resolved_at) AS closed_at,
       c.location_lat, c.location_lng, u.name AS unit_name,
       CASE WHEN o.case_id IS NOT NULL THEN c.description END AS description,
       CASE WHEN o.case_id IS NOT NULL THEN coalesce(o.address_string, c.address_text) END AS address,
       o.media_url
FROM cases c
JOIN units u ON u.id = c.unit_id
LEFT JOIN open311_requests o ON o.case_id = c.id
WHERE c.type = 'phan_anh' AND c.category IS NOT NULL`;

const toPublic = (r: Row): PublicRequestRow => ({
  id: r.id,
  status: r.status,
  serviceCode: r.category,
  description: r.description,
  unitName: r.unit_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
  lat: r.location_lat,
  lng: r.location_lng,
  address: r.address,
  mediaUrl: r.media_url,
});

export async function listPublicRequestsByIds(q: Queryable, ids: readonly string[]): Promise<PublicRequestRow[]> {
  const rows = await q.query<Row>(`${SELECT_PUBLIC} AND c.id = ANY($1::uuid[]) ORDER BY c.created_at DESC`, [ids]);
  return rows.map(toPublic);
}

export async function listPublicRequests(
  q: Queryable,
  f: { serviceCodes: readonly string[] | null; statuses: readonly CaseStatus[]; from: Date; to: Date; limit: number; offset: number },
): Promise<PublicRequestRow[]> {
  const rows = await q.query<Row>(
    `${SELECT_PUBLIC}
       AND ($1::text[] IS NULL OR c.category = ANY($1::text[]))
       AND c.status = ANY($2::text[])
       AND c.created_at >= $3 AND c.created_at <= $4
     ORDER BY c.created_at DESC, c.id
     LIMIT $5 OFFSET $6`,
    [f.serviceCodes, f.statuses, f.from, f.to, f.limit, f.offset],
  );
  return rows.map(toPublic);
}

/** Records what an Open311 client sent beyond the case, and files the case under the service's category. */
export async function recordOpen311Request(
  q: Queryable,
  r: {
    caseId: string;
    apiKeyId: string;
    serviceCode: string;
    addressString: string | null;
    addressId: string | null;
    mediaUrl: string | null;
    deviceId: string | null;
    attributes: Record<string, string | string[]>;
    at: Date;
  },
): Promise<void> {
  await q.query('UPDATE cases SET category = $2, address_text = coalesce($3, address_text) WHERE id = $1', [r.caseId, r.serviceCode, r.addressString]);
  await q.query(
    `INSERT INTO open311_requests (case_id, api_key_id, service_code, address_string, address_id, media_url, device_id, attributes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9)`,
    [r.caseId, r.apiKeyId, r.serviceCode, r.addressString, r.addressId, r.mediaUrl, r.deviceId, JSON.stringify(r.attributes), r.at],
  );
}
