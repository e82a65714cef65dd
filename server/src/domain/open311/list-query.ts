import { geoError, type GeoReportError } from './errors.ts';
import type { GeoReportStatus } from './status.ts';

export type RequestListQuery = {
  /** service_request_id given: these ids only, every other filter ignored (GeoReport v2). */
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: GeoReportStatus[];
  from: Date;
  to: Date;
  limit: number;
  offset: number;
};

const DAY_MS = 86_400_000;
const MAX_RANGE_MS = 90 * DAY_MS;
const DEFAULT_LIMIT = 1000;
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 1000;
// W3C profile of ISO 8601, time zone required.
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

const list = (v: string | undefined) => {
  const items = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return items.length > 0 ? [...new Set(items)] : null;
};

/**
 * The filters of `GET requests`: service_request_id (overrides the rest), service_code and status (comma
 * lists), start_date/end_date (W3C date-times; default the last 90 days; at most 90 days apart), and the
 * page/page_size extension (1-based; page_size 50 by default, 1000 at most). Without paging, at most 1,000
 * requests (the spec's default volume). Empty values count as absent.
 */
export function parseRequestListQuery(q: Record<string, string | undefined>, now: Date): { ok: true; query: RequestListQuery } | { ok: false; errors: GeoReportError[] } {
  const errors: GeoReportError[] = [];
  const date = (name: 'start_date' | 'end_date') => {
    const v = q[name]?.trim();
    if (!v) return null;
    const d = new Date(v);
    if (!DATETIME_RE.test(v) || Number.isNaN(d.getTime())) {
      errors.push(geoError(400, 'error.dateInvalid', name));
      return null;
    }
    return d;
  };
  const start = date('start_date');
  const end = date('end_date');
  const to = end ?? (start ? new Date(Math.min(start.getTime() + MAX_RANGE_MS, now.getTime())) : now);
  const from = start ?? new Date(to.getTime() - MAX_RANGE_MS);
  if (errors.length === 0 && (to.getTime() - from.getTime() > MAX_RANGE_MS || to < from)) errors.push(geoError(400, 'error.dateRange'));

  const statuses = list(q.status) ?? ['open', 'closed'];
  if (statuses.some((s) => s !== 'open' && s !== 'closed')) errors.push(geoError(400, 'error.statusInvalid'));

  const int = (v: string | undefined) => (v?.trim() ? (/^\d{1,7}$/u.test(v.trim()) ? Number(v) : NaN) : null);
  const page = int(q.page);
  const pageSize = int(q.page_size);
  if (Number.isNaN(page) || Number.isNaN(pageSize) || page === 0 || pageSize === 0 || (pageSize ?? 0) > MAX_PAGE_SIZE) errors.push(geoError(400, 'error.pageInvalid'));
  if (errors.length > 0) return { ok: false, errors };

  const isPaged = page !== null || pageSize !== null;
  const limit = isPaged ? (pageSize ?? DEFAULT_PAGE_SIZE) : DEFAULT_LIMIT;
  return {
    ok: true,
    query: {
      ids: list(q.service_request_id),
      serviceCodes: list(q.service_code),
      statuses: statuses as GeoReportStatus[],
      from,
      to,
      limit,
      offset: ((page ?? 1) - 1) * limit,
    },
  };
}
