import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '../../../../contracts/enums.ts';

// Repeated from contracts/api.ts (importing values from there would bundle zod); the test checks they match.
export const CASE_VIEWS = ['unit', 'mine', 'unassigned', 'due_soon', 'overdue', 'open', 'closed', 'triage', 'urgent', 'incoming'] as const;
export type CaseView = (typeof CASE_VIEWS)[number];
// Repeated from contracts/api.ts like CASE_VIEWS.
export const CASE_SORTS = ['newest', 'due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export type InboxFilters = { view: CaseView; status?: CaseStatus; type?: CaseType; category?: string; unitCode?: string; q?: string; sort?: CaseSort };

const pick = <T extends string>(values: readonly T[], raw: string | null): T | undefined => (values as readonly (string | null)[]).includes(raw) ? (raw as T) : undefined;

/** Inbox filters live in the query string, so Back from a case returns to the same list. */
export function parseInboxFilters(search: string): InboxFilters {
  const params = new URLSearchParams(search);
  return {
    view: pick(CASE_VIEWS, params.get('view')) ?? 'unit',
    status: pick(CASE_STATUSES, params.get('status')),
    type: pick(CASE_TYPES, params.get('type')),
    category: /^[a-z_]{1,40}$/.test(params.get('category') ?? '') ? params.get('category')! : undefined,
    unitCode: /^[0-9A-Za-z_-]{1,20}$/.test(params.get('unit') ?? '') ? params.get('unit')! : undefined,
    q: params.get('q')?.trim() || undefined,
    sort: pick(CASE_SORTS, params.get('sort')),
  };
}

export function inboxSearch(filters: InboxFilters): string {
  const params = new URLSearchParams();
  if (filters.view !== 'unit') params.set('view', filters.view);
  if (filters.status) params.set('status', filters.status);
  if (filters.type) params.set('type', filters.type);
  if (filters.category) params.set('category', filters.category);
  if (filters.unitCode) params.set('unit', filters.unitCode);
  if (filters.q) params.set('q', filters.q);
  if (filters.sort && filters.sort !== 'newest') params.set('sort', filters.sort);
  const text = params.toString();
  return text ? `?${text}` : '';
}

// The last list the officer looked at, so "back to list" (link or Escape) returns to the same filters.
let lastInboxSearch = '';
export function rememberInboxSearch(search: string): void {
  lastInboxSearch = search;
}
export function lastInboxSearchString(): string {
  return lastInboxSearch;
}
