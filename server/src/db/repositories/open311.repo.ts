import type { CaseStatus } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';

/** A case as stored; the presenter applies the public-report policy (redacted text, blurred point, approved photo). */
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
  /** The first photo an officer approved for public view, if any. */
  publicPhotoId: string | null;
  /** The sender's contact as given with the case: used only to remove it from the text. */
  contact: { name: string | null; phone: string | null; email: string | null };
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
  public_photo_id: string | null;
  citizen_name: string | null;
  citizen_phone: string | null;
  citizen_email: string | null;
};

/**
 * Reports about the city (type phan_anh) with a category are public in GeoReport, from every channel, under
 * the same policy as the public map (docs/domain/transparency.md): the caller redacts the text. A partner's
 * own `media_url` is kept for staff and never republished: only photos an officer approved are.
 */
const SELECT_PUBLIC = `
SELECT c.id, c.status, c.category, c.created_at, c.updated_at, coalesce(c.closed_at, c.resolved_at) AS closed_at,
       c.location_lat, c.location_lng, u.name AS unit_name, c.description,
       coalesce(o.address_string, c.address_text) AS address,
       (SELECT a.id FROM attachments a WHERE a.case_id = c.id AND a.is_public ORDER BY a.created_at, a.id LIMIT 1) AS public_photo_id,
       ci.display_name AS citizen_name, ci.phone AS citizen_phone, ci.email AS citizen_email
FROM cases c
JOIN units u ON u.id = c.unit_id
LEFT JOIN citizens ci ON ci.id = c.citizen_id
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
  publicPhotoId: r.public_photo_id,
  contact: { name: r.citizen_name, phone: r.citizen_phone, email: r.citizen_email },
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
