/**
 * What a console hears live. Ids and kinds only: a console refetches what it shows, through the same
 * scope checks as any other request.
 */
export type LiveEvent =
  /** Something happened on a case (a timeline event kind such as `note.added`, or `delivery.updated`). */
  | { type: 'case'; caseId: string; kind: string; alsoUnitId?: string }
  /** The staff member's notifications changed (a new one, or marked read elsewhere). */
  | { type: 'notification'; staffId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KIND = /^[a-z_]+(\.[a-z_]+)*$/;

/** Reads a notification payload (`{"t":"case","c":…,"k":…[,"u":…]}` or `{"t":"notification","s":…}`); undefined when malformed. */
export function parseLiveEvent(payload: string): LiveEvent | undefined {
  let v: unknown;
  try {
    v = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (o.t === 'case' && typeof o.c === 'string' && UUID.test(o.c) && typeof o.k === 'string' && KIND.test(o.k)) {
    if (o.u === undefined) return { type: 'case', caseId: o.c, kind: o.k };
    return typeof o.u === 'string' && UUID.test(o.u) ? { type: 'case', caseId: o.c, kind: o.k, alsoUnitId: o.u } : undefined;
  }
  if (o.t === 'notification' && typeof o.s === 'string' && UUID.test(o.s)) return { type: 'notification', staffId: o.s };
  return undefined;
}
