/** Values shared by the server and the web apps. Unions of string literals, never enums (STYLE §5). */

export const CASE_TYPES = ['thu_tuc', 'phan_anh', 'hoi_dap', 'gop_y', 'khieu_nai', 'to_cao', 'khac'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['new', 'assigned', 'in_progress', 'waiting_citizen', 'resolved', 'closed', 'rejected'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STAFF_ROLES = ['city_admin', 'unit_admin', 'officer', 'triage_operator', 'viewer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * What a staff member may do on one case, beyond reading it (the case page shows only these): computed by the
 * server from the role and how the staff member's unit relates to the case (lead, coordinating, incoming).
 */
export const CASE_ACTIONS = ['case.reply', 'case.note', 'case.status', 'case.assign', 'case.triage', 'case.transfer', 'case.visit'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
/** Why a staff member sees a case: their subtree holds its lead unit, a coordinating unit, or a unit asked to take it over. */
export const CASE_RELATIONS = ['lead', 'coordinating', 'incoming'] as const;
export type CaseRelationKind = (typeof CASE_RELATIONS)[number];

export const UNIT_KINDS = ['city', 'department', 'ward', 'commune', 'special_zone'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const INTAKE_METHODS = ['channel', 'portal', 'phone', 'counter', 'email', 'letter'] as const;
export type IntakeMethod = (typeof INTAKE_METHODS)[number];

export const DELIVERY_STATUSES = ['queued', 'sending', 'sent', 'held', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const TIMELINE_KINDS = ['case.opened', 'case.routed', 'case.triaged', 'case.merged', 'case.rated', 'case.reopened', 'message.received', 'message.sent', 'message.retracted', 'status.changed', 'case.assigned', 'note.added', 'transfer.requested', 'transfer.accepted', 'transfer.returned', 'coordination.added', 'coordination.removed', 'photo.published', 'photo.unpublished', 'visit.offered', 'visit.confirmed', 'visit.dispatched', 'visit.departed', 'visit.collected', 'visit.completed', 'visit.cancelled', 'visit.no_show'] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A connected channel account's state: needs_reauth means a person must reconnect it in the console. */
export const CHANNEL_HEALTHS = ['healthy', 'unhealthy', 'needs_reauth'] as const;
export type ChannelHealth = (typeof CHANNEL_HEALTHS)[number];

/** How a reply reaches the citizen: the private conversation, a public reply under their comment, or one private reply to it. */
export const REPLY_MODES = ['message', 'public_comment', 'private_reply'] as const;
export type ReplyModeName = (typeof REPLY_MODES)[number];

/** A field visit (the ward comes to the citizen's home): offered → confirmed → dispatched → on_the_way → collected → done, or cancelled / no_show. */
export const VISIT_STATES = ['offered', 'confirmed', 'dispatched', 'on_the_way', 'collected', 'done', 'cancelled', 'no_show'] as const;
export type VisitState = (typeof VISIT_STATES)[number];

/** How the result of a field visit reached the citizen: handed over during the visit, or delivered afterwards. */
export const VISIT_RESULT_RETURNS = ['handed_over', 'delivered'] as const;
export type VisitResultReturn = (typeof VISIT_RESULT_RETURNS)[number];

/** What a staff notification is about: a deadline coming, passed, or escalated to the recipient. */
export const NOTIFICATION_KINDS = ['deadline.due_soon', 'deadline.overdue', 'deadline.escalated', 'note.mention'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The first pass's message types (formal complaints are recognised as legal tracks, below). */
export const TRIAGE_TYPES = ['thu_tuc', 'phan_anh', 'hoi_dap', 'gop_y', 'khac'] as const;
export type TriageType = (typeof TRIAGE_TYPES)[number];

/** Feedback categories the first pass assigns (reference-data/triage/README.md; the model's label set). */
export const TRIAGE_CATEGORIES = [
  'giao_thong',
  'trat_tu_do_thi',
  'moi_truong',
  'ngap_nuoc',
  'chieu_sang',
  'cay_xanh',
  'xay_dung',
  'an_ninh',
  'tieng_on',
  'dien_nuoc',
  'y_te',
  'giao_duc',
  'dat_dai',
  'can_bo',
  'khac',
] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

/**
 * Categories a routing rule may name: the first pass's categories plus `xe_buyt` (buses, public transport), which
 * the city's feedback taxonomy (reference-data/feedback/categories.json) keeps apart from traffic. The model follows
 * the triage corpus, where bus issues are `giao_thong`; the first pass gives such a message the routing category
 * `xe_buyt` (TriageResult.routingCategory), so a rule for public transport can apply.
 */
export const ROUTING_CATEGORIES = [...TRIAGE_CATEGORIES, 'xe_buyt'] as const;
export type RoutingCategory = (typeof ROUTING_CATEGORIES)[number];

/** Procedure topics the first pass assigns (reference-data/triage/README.md). */
export const TRIAGE_PROCEDURES = [
  'chung_thuc_ban_sao',
  'chung_thuc_chu_ky',
  'khai_sinh',
  'khai_tu',
  'ket_hon',
  'xac_nhan_tinh_trang_hon_nhan',
  'trich_luc_ho_tich',
  'cu_tru',
  'giay_phep_xay_dung',
  'ho_kinh_doanh',
  'dat_dai_so_do',
  'bhyt',
  'other',
] as const;
export type TriageProcedure = (typeof TRIAGE_PROCEDURES)[number];

/** Formal complaints (khiếu nại) and denunciations (tố cáo) follow their own legal track. */
export const LEGAL_TRACKS = ['khieu_nai', 'to_cao'] as const;
export type LegalTrack = (typeof LEGAL_TRACKS)[number];

/** Days of the working calendar that differ from the ordinary week. */
export const CALENDAR_DAY_KINDS = ['holiday', 'day_off', 'working_day'] as const;
export type CalendarDayKindName = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * Variables a reply template may use, written `{name}`, filled from the case: the citizen's name and how to
 * address them, tracking code and link, lead unit, due date, procedure and its documents, the officer's name.
 */
export const REPLY_TEMPLATE_VARIABLES = ['citizenName', 'formOfAddress', 'trackingCode', 'trackUrl', 'unitName', 'dueDate', 'procedureName', 'procedureDocuments', 'staffName'] as const;
export type ReplyTemplateVariable = (typeof REPLY_TEMPLATE_VARIABLES)[number];
