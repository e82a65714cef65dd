import type { CaseStatus } from '../../../../contracts/enums.ts';

/** GeoReport v2 knows only open and closed; our richer status goes into status_notes. */
export type GeoReportStatus = 'open' | 'closed';

const CLOSED: readonly CaseStatus[] = ['resolved', 'closed', 'rejected'];

export function toGeoReportStatus(status: CaseStatus): GeoReportStatus {
  return CLOSED.includes(status) ? 'closed' : 'open';
}

/** Our statuses behind the GeoReport ones (for the `status` filter). */
export function caseStatusesFor(statuses: readonly GeoReportStatus[]): CaseStatus[] {
  const open: CaseStatus[] = ['new', 'assigned', 'in_progress', 'waiting_citizen'];
  return [...(statuses.includes('open') ? open : []), ...(statuses.includes('closed') ? CLOSED : [])];
}
