import type { CaseStatus, CaseType, IntakeMethod } from '../../../../contracts/enums.ts';
import type { Queryable } from '../client.ts';

export type CaseRow = {
  id: string;
  trackingCode: string;
  type: CaseType;
  status: CaseStatus;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitFullName: string;
  unitKind: string;
  unitPath: string;
  citizenId: string | null;
  identityId: string | null;
  channel: string;
  intakeMethod: IntakeMethod;
  description: string;
  category: string | null;
  procedureCode: string | null;
  location: { lat: number; lng: number } | null;
  assigneeId: string | null;
  assigneeName: string | null;
  isUrgent: boolean;
  needsTriage: boolean;
  mergedIntoId: string | null;
  triage: Record<string, unknown> | null;
  routing: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  lastCitizenMessageAt: Date | null;
  dueAt: Date | null;
};

function selectCase(extraColumns = '', extraJoins = ''): string {
  return `
  SELECT c.*, u.code AS unit_code, u.name AS unit_name, u.full_name AS unit_full_name, u.kind AS unit_kind, u.path AS unit_path,
         s.name AS assignee_name ${extraColumns}
    FROM cases c
    JOIN units u ON u.id = c.unit_id
    LEFT JOIN staff_users s ON s.id = c.assignee_id ${extraJoins}`;
}
const SELECT_CASE = selectCase();

type DbCase = {
  id: string;
  tracking_code: string;
  type: CaseType;
  status: CaseStatus;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  unit_full_name: string;
  unit_kind: string;
  unit_path: string;
  citizen_id: string | null;
  identity_id: string | null;
  channel: string;
  intake_method: IntakeMethod;
  description: string;
  category: string | null;
  procedure_code: string | null;
  location_lat: number | null;
  location_lng: number | null;
  assignee_id: string | null;
  assignee_name: string | null;
  is_urgent: boolean;
  needs_triage: boolean;
  merged_into_id: string | null;
  triage: Record<string, unknown> | null;
  routing: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
  first_response_at: Date | null;
  resolved_at: Date | null;
  last_citizen_message_at: Date | null;
  due_at: Date | null;
};

function toCase(r: DbCase): CaseRow {
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    type: r.type,
    status: r.status,
    unitId: r.unit_id,
    unitCode: r.unit_code,
    unitName: r.unit_name,
    unitFullName: r.unit_full_name,
    unitKind: r.unit_kind,
    unitPath: r.unit_path,
    citizenId: r.citizen_id,
    identityId: r.identity_id,
    channel: r.channel,
    intakeMethod: r.intake_method,
    description: r.description,
    category: r.category,
    procedureCode: r.procedure_code,
    location: r.location_lat === null || r.location_lng === null ? null : { lat: r.location_lat, lng: r.location_lng },
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    isUrgent: r.is_urgent,
    needsTriage: r.needs_triage,
    mergedIntoId: r.merged_into_id,
    triage: r.triage,
    routing: r.routing,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    firstResponseAt: r.first_response_at,
    resolvedAt: r.resolved_at,
    lastCitizenMessageAt: r.last_citizen_message_at,
    dueAt: r.due_at,
  };
}

export async function findCaseById(q: Queryable, id: string): Promise<CaseRow | undefined> {
  const rows = await q.query<DbCase>(`${SELECT_CASE} WHERE c.id = $1`, [id]);
  return rows[0] ? toCase(rows[0]) : undefined;
}

/** Locks the case row for the rest of the transaction (status changes, replies). */
export async function lockCaseById(q: Queryable, id: string): Promise<CaseRow | undefined> {
  const rows = await q.query<DbCase>(`${SELECT_CASE} WHERE c.id = $1 FOR UPDATE OF c`, [id]);
  return rows[0] ? toCase(rows[0]) : undefined;
}

export async function findCaseByTrackingCode(q: Queryable, trackingCode: string): Promise<CaseRow | undefined> {
  const rows = await q.query<DbCase>(`${SELECT_CASE} WHERE c.tracking_code = $1`, [trackingCode]);
  return rows[0] ? toCase(rows[0]) : undefined;
}

export async function updateCaseStatus(q: Queryable, id: string, status: CaseStatus, at: Date): Promise<void> {
  await q.query(
    `UPDATE cases SET status = $2, updated_at = $3,
        resolved_at = CASE WHEN $2 = 'resolved' THEN $3 WHEN $2 = 'in_progress' THEN NULL ELSE resolved_at END,
        closed_at = CASE WHEN $2 IN ('closed', 'rejected') THEN $3 ELSE closed_at END
      WHERE id = $1`,
    [id, status, at],
  );
}

export async function updateCaseAssignee(q: Queryable, id: string, assigneeId: string | null, status: CaseStatus, at: Date): Promise<void> {
  await q.query('UPDATE cases SET assignee_id = $2, status = $3, updated_at = $4 WHERE id = $1', [id, assigneeId, status, at]);
}

/** Applies an officer's correction of the first pass and takes the case out of the triage queue. */
export async function updateCaseClassification(
  q: Queryable,
  id: string,
  c: { type: CaseType; category: string | null; procedureCode: string | null; isUrgent: boolean; unitId: string; clearAssignee: boolean; status: CaseStatus; at: Date },
): Promise<void> {
  await q.query(
    `UPDATE cases SET type = $2, category = $3, procedure_code = $4, is_urgent = $5, needs_triage = false, unit_id = $6,
            assignee_id = CASE WHEN $7 THEN NULL ELSE assignee_id END, status = $8, updated_at = $9
      WHERE id = $1`,
    [id, c.type, c.category, c.procedureCode, c.isUrgent, c.unitId, c.clearAssignee, c.status, c.at],
  );
}

/** Records the first staff answer (for time-to-first-answer figures) and bumps updated_at. */
export async function markCaseAnswered(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE cases SET first_response_at = coalesce(first_response_at, $2), updated_at = $2 WHERE id = $1', [id, at]);
}

export async function touchCase(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE cases SET updated_at = $2 WHERE id = $1', [id, at]);
}

export type CaseListFilter = {
  /** Materialised path of the unit whose subtree is visible. */
  scopePath: string;
  unitId?: string | undefined;
  assigneeId?: string | undefined;
  unassignedOnly?: boolean;
  needsTriageOnly?: boolean;
  urgentOnly?: boolean;
  /**
   * Open cases by where their running clock stands at `now`: due soon (the warning time has come, the deadline
   * not yet) or overdue (past the deadline). Cases whose clock is paused (waiting for the citizen) are neither.
   */
  deadline?: { kind: 'due_soon' | 'overdue'; now: Date } | undefined;
  /** Instead of the cases of the subtree: cases waiting for a unit of the subtree to accept a transfer. */
  incomingOnly?: boolean;
  statuses?: readonly CaseStatus[] | undefined;
  type?: CaseType | undefined;
  category?: string | undefined;
  search?: string | undefined;
  /** How many of the unit's cases a search reads in page order first (default SEARCH_WINDOW; 0: none). */
  searchWindow?: number;
  /** 'newest': created_at descending (default); 'due': nearest deadline first, cases without one last. */
  sort?: 'newest' | 'due';
  /** Keyset cursor for 'newest': rows strictly older than this (created_at, id). */
  before?: { createdAt: Date; id: string } | undefined;
  /** Keyset cursor for 'due': rows strictly after this (due_at, id); dueAt null = among the cases without one. */
  afterDue?: { dueAt: Date | null; id: string } | undefined;
  limit: number;
};

/** How many of a unit's cases a search reads in page order before it asks the trigram index instead. */
const SEARCH_WINDOW = 1500;

// The deadline sort key; the same expression as in the indexes of migration 0090.
const DUE_KEY = "coalesce(c.due_at, 'infinity'::timestamptz)";

export type CaseListRow = CaseRow & { citizenName: string | null };

/**
 * A page of cases within a unit subtree, newest first or by deadline. The deadline order is on
 * coalesce(due_at, 'infinity'), the expression the open-case indexes carry (migration 0090), so a page reads
 * the index in order instead of sorting the unit's cases.
 */
export async function listCases(q: Queryable, f: CaseListFilter): Promise<CaseListRow[]> {
  // A subtree of one unit (a ward, a department): filter on that unit itself, so the planner reads the unit's
  // index in the page's order and stops after one page instead of sorting the unit's whole history.
  let unitId = f.unitId;
  if (!unitId && !f.incomingOnly) {
    const units = await q.query<{ id: string }>("SELECT id FROM units WHERE path = $1 OR path LIKE $1 || '/%' LIMIT 2", [f.scopePath], { name: 'cases.scope-units' });
    if (units.length === 1) unitId = units[0]!.id;
  }
  const where: string[] = [
    f.incomingOnly
      ? "EXISTS (SELECT 1 FROM case_transfers t JOIN units tu ON tu.id = t.to_unit_id WHERE t.case_id = c.id AND t.status = 'pending' AND (tu.path = $1 OR tu.path LIKE $1 || '/%'))"
      : "(u.path = $1 OR u.path LIKE $1 || '/%')",
  ];
  const params: unknown[] = [f.scopePath];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (unitId) add('c.unit_id = ?', unitId);
  if (f.assigneeId) add('c.assignee_id = ?', f.assigneeId);
  if (f.unassignedOnly) where.push('c.assignee_id IS NULL');
  if (f.needsTriageOnly) where.push('c.needs_triage');
  if (f.urgentOnly) where.push('c.is_urgent');
  if (f.deadline) {
    where.push('c.clock_paused_at IS NULL');
    if (f.deadline.kind === 'overdue') add(`${DUE_KEY} <= ?`, f.deadline.now);
    else add(`c.due_soon_at <= ? AND ${DUE_KEY} > ?`, f.deadline.now);
  }
  if (f.statuses) add('c.status = ANY(?::text[])', f.statuses);
  if (f.type) add('c.type = ?', f.type);
  if (f.category) add('c.category = ?', f.category);
  let searchSql: string | undefined;
  if (f.search) {
    // description_folded is f_unaccent(lower(description)), written at intake and trigram-indexed.
    params.push(f.search);
    searchSql = `(c.description_folded LIKE '%' || f_unaccent(lower($${params.length})) || '%' OR c.tracking_code = upper($${params.length}))`;
  }
  const byDue = f.sort === 'due';
  if (!byDue && f.before) {
    params.push(f.before.createdAt, f.before.id);
    where.push(`(c.created_at, c.id) < ($${params.length - 1}, $${params.length}::uuid)`);
  }
  if (byDue && f.afterDue) {
    params.push(f.afterDue.dueAt ?? 'infinity', f.afterDue.id);
    where.push(`(${DUE_KEY}, c.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(f.limit);
  const order = byDue ? `${DUE_KEY}, c.id` : 'c.created_at DESC, c.id DESC';
  const names = `c.*, u.code AS unit_code, u.name AS unit_name, u.full_name AS unit_full_name, u.kind AS unit_kind, u.path AS unit_path,
            s.name AS assignee_name, ci.display_name AS citizen_name`;
  const joinNames = `LEFT JOIN units u ON u.id = c.unit_id
       LEFT JOIN staff_users s ON s.id = c.assignee_id
       LEFT JOIN citizens ci ON ci.id = c.citizen_id`;
  type Row = DbCase & { citizen_name: string | null };
  const toRows = (rows: Row[]) => rows.map((r) => ({ ...toCase(r), citizenName: r.citizen_name }));

  // A search within one unit: words officers look for ("đèn đường") match a large share of the city, so the
  // trigram index yields a hundred thousand rows to intersect with the unit's. The unit's own cases are read in
  // page order first, up to SEARCH_WINDOW of them; when that fills the page, or the unit has no more cases, it is
  // the answer. Otherwise (a rare word, found in few cases) the trigram index finds them quickly.
  const window = f.searchWindow ?? SEARCH_WINDOW;
  if (searchSql && unitId && window > 0) {
    const windowed = await q.query<Row & { scanned: number }>(
      `WITH recent AS MATERIALIZED (
         SELECT c.* FROM cases c JOIN units u ON u.id = c.unit_id WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${Math.floor(window)}
       ), hits AS (SELECT c.* FROM recent c WHERE ${searchSql} ORDER BY ${order} LIMIT $${params.length})
       SELECT w.scanned, ${names}
         FROM (SELECT count(*)::int AS scanned FROM recent) w
         LEFT JOIN hits c ON true
         ${joinNames}
        ORDER BY ${order}`,
      params,
    );
    const hits = windowed.filter((r) => r.id !== null);
    if (hits.length === f.limit || (windowed[0]?.scanned ?? 0) < window) return toRows(hits);
  }
  // The page is chosen on cases (and units for the scope) alone; names are joined to its rows only, not to every
  // candidate row before the sort.
  const rows = await q.query<Row>(
    `SELECT ${names}
       FROM (SELECT c.* FROM cases c JOIN units u ON u.id = c.unit_id
              WHERE ${[...where, ...(searchSql ? [searchSql] : [])].join(' AND ')}
              ORDER BY ${order}
              LIMIT $${params.length}) c
       ${joinNames}
      ORDER BY ${order}`,
    params,
  );
  return toRows(rows);
}

export async function findCitizenOfCase(
  q: Queryable,
  caseId: string,
): Promise<{ name: string | null; phone: string | null; email: string | null } | undefined> {
  const rows = await q.query<{ display_name: string | null; phone: string | null; email: string | null }>(
    'SELECT ci.display_name, ci.phone, ci.email FROM cases c JOIN citizens ci ON ci.id = c.citizen_id WHERE c.id = $1',
    [caseId],
  );
  return rows[0] ? { name: rows[0].display_name, phone: rows[0].phone, email: rows[0].email } : undefined;
}
