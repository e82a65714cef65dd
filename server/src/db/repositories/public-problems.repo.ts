import type { Queryable } from '../client.ts';

/** A report about the city as stored; the command decides what of it may be shown (text redacted, point blurred). */
export type PublicProblemRow = {
  id: string;
  status: string;
  category: string | null;
  createdAt: Date;
  description: string;
  lat: number | null;
  lng: number | null;
  unitCode: string;
  unitName: string;
  unitNameEn: string | null;
  /** The sender's contact as given with the case: used only to remove it from the text. */
  contact: { name: string | null; phone: string | null; email: string | null };
};

export type PublicProblemFilter = {
  statuses?: readonly string[];
  unitCode?: string;
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  from?: Date;
  to?: Date;
  after?: { createdAt: Date; id: string };
  limit: number;
};

/**
 * Reports (type phan_anh) newest first, keyset-paged on (created_at, id). Rejected cases are never listed:
 * they include abuse and reports that were not about the city.
 */
export async function listPublicProblemRows(q: Queryable, f: PublicProblemFilter): Promise<PublicProblemRow[]> {
  const rows = await q.query<{
    id: string; status: string; category: string | null; created_at: Date; description: string;
    location_lat: number | null; location_lng: number | null; unit_code: string; unit_name: string; unit_name_en: string | null;
    citizen_name: string | null; citizen_phone: string | null; citizen_email: string | null;
  }>(
    `SELECT c.id, c.status, c.category, c.created_at, c.description, c.location_lat, c.location_lng,
            u.code AS unit_code, u.full_name AS unit_name, u.name_en AS unit_name_en,
            ci.display_name AS citizen_name, ci.phone AS citizen_phone, ci.email AS citizen_email
       FROM cases c JOIN units u ON u.id = c.unit_id LEFT JOIN citizens ci ON ci.id = c.citizen_id
      WHERE c.type = 'phan_anh' AND c.status <> 'rejected'
        AND ($1::text[] IS NULL OR c.status = ANY($1::text[]))
        AND ($2::text IS NULL OR u.code = $2)
        AND ($3::float8 IS NULL OR (c.location_lng BETWEEN $3 AND $5 AND c.location_lat BETWEEN $4 AND $6))
        AND ($7::timestamptz IS NULL OR c.created_at >= $7)
        AND ($8::timestamptz IS NULL OR c.created_at < $8)
        AND ($9::timestamptz IS NULL OR (c.created_at, c.id) < ($9::timestamptz, $10::uuid))
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT $11`,
    [
      f.statuses && f.statuses.length > 0 ? [...f.statuses] : null,
      f.unitCode ?? null,
      f.bbox?.minLng ?? null, f.bbox?.minLat ?? null, f.bbox?.maxLng ?? null, f.bbox?.maxLat ?? null,
      f.from ?? null, f.to ?? null,
      f.after?.createdAt ?? null, f.after?.id ?? null,
      f.limit,
    ],
  );
  return rows.map((r) => ({
    id: r.id, status: r.status, category: r.category, createdAt: r.created_at, description: r.description,
    lat: r.location_lat, lng: r.location_lng, unitCode: r.unit_code, unitName: r.unit_name, unitNameEn: r.unit_name_en,
    contact: { name: r.citizen_name, phone: r.citizen_phone, email: r.citizen_email },
  }));
}

/** Ids of the photos an officer marked public, per case. */
export async function listPublicPhotoIds(q: Queryable, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const byCase = new Map<string, string[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await q.query<{ id: string; case_id: string }>(
    'SELECT id, case_id FROM attachments WHERE case_id = ANY($1::uuid[]) AND is_public ORDER BY created_at',
    [[...caseIds]],
  );
  for (const r of rows) byCase.set(r.case_id, [...(byCase.get(r.case_id) ?? []), r.id]);
  return byCase;
}

/** A photo only when an officer marked it public and it belongs to a listed report. */
export async function findPublicPhoto(q: Queryable, id: string): Promise<{ contentType: string; data: Buffer } | undefined> {
  const rows = await q.query<{ content_type: string; data: Uint8Array }>(
    `SELECT a.content_type, a.data FROM attachments a JOIN cases c ON c.id = a.case_id
      WHERE a.id = $1 AND a.is_public AND c.type = 'phan_anh' AND c.status <> 'rejected'`,
    [id],
  );
  const r = rows[0];
  return r ? { contentType: r.content_type, data: Buffer.from(r.data) } : undefined;
}

/**
 * Per-unit counts and medians over cases opened in [from, to). Medians in hours (percentile_cont ignores
 * cases without the instant). On time: closed (resolved/closed) with a due time at or before it; past due:
 * open, clock running, due time before `now`. Rejected cases count in volume only.
 */
export async function listUnitStatRows(q: Queryable, from: Date, to: Date, now: Date) {
  const rows = await q.query<{
    unit_code: string; unit_name: string; cases: number; median_first_response_hours: number | null; median_resolution_hours: number | null;
    closed_on_time: number; closed_with_due: number; open_past_due: number;
  }>(
    `SELECT u.code AS unit_code, u.full_name AS unit_name, count(*)::int AS cases,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM c.first_response_at - c.created_at) / 3600)::float8) AS median_first_response_hours,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY (extract(epoch FROM c.resolved_at - c.created_at) / 3600)::float8) AS median_resolution_hours,
            count(*) FILTER (WHERE c.status IN ('resolved', 'closed') AND c.due_at IS NOT NULL
                               AND coalesce(c.resolved_at, c.closed_at) <= c.due_at)::int AS closed_on_time,
            count(*) FILTER (WHERE c.status IN ('resolved', 'closed') AND c.due_at IS NOT NULL)::int AS closed_with_due,
            count(*) FILTER (WHERE c.status IN ('new', 'assigned', 'in_progress', 'waiting_citizen') AND c.due_at IS NOT NULL
                               AND c.due_at < $3 AND c.clock_paused_at IS NULL)::int AS open_past_due
       FROM cases c JOIN units u ON u.id = c.unit_id
      WHERE c.created_at >= $1 AND c.created_at < $2
      GROUP BY u.code, u.full_name
      ORDER BY u.code`,
    [from, to, now],
  );
  const hours = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);
  return rows.map((r) => ({
    unitCode: r.unit_code, unitName: r.unit_name, cases: r.cases,
    medianFirstResponseHours: hours(r.median_first_response_hours), medianResolutionHours: hours(r.median_resolution_hours),
    closedOnTime: r.closed_on_time, closedWithDue: r.closed_with_due, openPastDue: r.open_past_due,
  }));
}
