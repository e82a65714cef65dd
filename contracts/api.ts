/**
 * HTTP API shapes shared by the server (validation, OpenAPI) and the web apps (types).
 * Public endpoints are under /api/public, staff endpoints under /api/staff (session cookie; every
 * non-GET staff request carries the `x-csrf-token` header returned by login and /me).
 */
import { z } from 'zod';
import {
  CALENDAR_DAY_KINDS,
  CASE_ACTIONS,
  CASE_RELATIONS,
  CASE_STATUSES,
  CASE_TYPES,
  DELIVERY_STATUSES,
  INTAKE_METHODS,
  LEGAL_TRACKS,
  LOCALES,
  NOTIFICATION_KINDS,
  REPLY_MODES,
  STAFF_ROLES,
  TIMELINE_KINDS,
  TRIAGE_CATEGORIES,
  TRIAGE_PROCEDURES,
  TRIAGE_TYPES,
  UNIT_KINDS,
  VISIT_RESULT_RETURNS,
  VISIT_STATES,
} from './enums.ts';

export const TEXT_MAX = 5000;
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ATTACHMENTS_MAX = 5;

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// ---------- public ----------

export const UnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  nameEn: z.string().nullable(),
  type: z.enum(UNIT_KINDS),
  parentCode: z.string().nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;
export const UnitListSchema = z.array(UnitSchema);

export const LocationSchema = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const ContactSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 .()-]{8,20}$/, 'phone').optional(),
  email: z.string().trim().email().max(200).optional(),
});

export const PublicCaseCreateSchema = z.object({
  text: z.string().trim().min(1).max(TEXT_MAX),
  unitCode: z.string().trim().min(1).max(20).optional(),
  location: LocationSchema.optional(),
  contact: ContactSchema.optional(),
  /** Upload tokens returned by POST /api/public/uploads. */
  attachments: z.array(z.string().min(10).max(100)).max(ATTACHMENTS_MAX).optional(),
  locale: z.enum(LOCALES).optional(),
});
export type PublicCaseCreate = z.infer<typeof PublicCaseCreateSchema>;
export const PublicCaseCreatedSchema = z.object({ trackingCode: z.string() });

export const UploadCreatedSchema = z.object({
  uploadToken: z.string(),
  contentType: z.enum(UPLOAD_TYPES),
  byteSize: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
});

export const PublicReplySchema = z.object({
  body: z.string(),
  kind: z.enum(['acknowledgement', 'reply', 'notification']),
  createdAt: z.string(),
});
/** A field visit as the citizen sees it on the tracking page (issue 5; staff side below). */
export const VisitSlotSchema = z.object({ number: z.number().int(), startsAt: z.string(), endsAt: z.string() });
export const PublicVisitSchema = z.object({
  state: z.enum(VISIT_STATES),
  procedure: z.string(),
  slots: z.array(VisitSlotSchema),
  confirmedSlot: z.number().int().nullable(),
  /** The citizen may still choose a slot (the offer is open). */
  canConfirm: z.boolean(),
});
export type PublicVisit = z.infer<typeof PublicVisitSchema>;
export const VisitConfirmSchema = z.object({ slot: z.number().int().min(1).max(9) });
export const VisitConfirmedSchema = z.object({ slot: z.number().int(), changed: z.boolean() });
export const PublicCaseViewSchema = z.object({
  trackingCode: z.string(),
  status: z.enum(CASE_STATUSES),
  type: z.enum(CASE_TYPES),
  unit: z.object({ code: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
  replies: z.array(PublicReplySchema),
  /** When this report was merged into another about the same matter: that case's code (status follows it). */
  mergedInto: z.string().nullable(),
  /** After resolution the citizen may rate the handling (once) and, within 7 days, reopen the case. */
  canRate: z.boolean(),
  canReopen: z.boolean(),
  rating: z.number().int().nullable(),
  /** A field visit offered or under way (slots to choose from, the confirmed one, its state); null when none. */
  visit: PublicVisitSchema.nullable(),
});
export const RatingCreateSchema = z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() });
export const ReopenSchema = z.object({ reason: z.string().trim().min(3).max(1000) });
export type PublicCaseView = z.infer<typeof PublicCaseViewSchema>;

// ---------- staff ----------

export const StaffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  unit: z.object({ code: z.string(), name: z.string() }),
});
export type StaffUser = z.infer<typeof StaffUserSchema>;
export const LoginSchema = z.object({ email: z.string().trim().min(3).max(200), password: z.string().min(1).max(200) });
export const SessionSchema = z.object({ user: StaffUserSchema, csrfToken: z.string() });

/** due_soon: open cases whose warning time has come and deadline not yet; overdue: open cases past their deadline (running clocks). */
export const CASE_VIEWS = ['unit', 'mine', 'unassigned', 'due_soon', 'overdue', 'open', 'closed', 'triage', 'urgent', 'incoming'] as const;
/** Inbox order: newest first, or the nearest deadline first (overdue at the top, cases without a deadline last). */
export const CASE_SORTS = ['newest', 'due'] as const;
export const CaseListQuerySchema = z.object({
  view: z.enum(CASE_VIEWS).default('unit'),
  sort: z.enum(CASE_SORTS).default('newest'),
  status: z.enum(CASE_STATUSES).optional(),
  type: z.enum(CASE_TYPES).optional(),
  /** A feedback category code (e.g. `chieu_sang`). */
  category: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  unitCode: z.string().optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** Opaque cursor from the previous page. */
  cursor: z.string().max(200).optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseSummarySchema = z.object({
  id: z.string(),
  trackingCode: z.string(),
  type: z.enum(CASE_TYPES),
  status: z.enum(CASE_STATUSES),
  channel: z.string(),
  unit: z.object({ code: z.string(), name: z.string() }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  citizenName: z.string().nullable(),
  isUrgent: z.boolean(),
  /** Waiting in the human triage queue (the first pass was not sure enough to route it). */
  needsTriage: z.boolean(),
  excerpt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The legal deadline (null when no rule applies); moves later while the clock is paused. */
  dueAt: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema), nextCursor: z.string().nullable() });

export const StaffCaseCreateSchema = z.object({
  text: z.string().trim().min(1).max(TEXT_MAX),
  type: z.enum(CASE_TYPES).default('phan_anh'),
  unitCode: z.string().trim().min(1).max(20),
  intakeMethod: z.enum(INTAKE_METHODS).exclude(['channel', 'portal']),
  citizen: ContactSchema.default({}),
  location: LocationSchema.optional(),
});
export type StaffCaseCreate = z.infer<typeof StaffCaseCreateSchema>;
export const StaffCaseCreatedSchema = z.object({ id: z.string(), trackingCode: z.string() });

export const DeliverySchema = z.object({
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastErrorCode: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export const TimelineEntrySchema = z.object({
  id: z.number().int(),
  kind: z.enum(TIMELINE_KINDS),
  actorType: z.enum(['citizen', 'staff', 'system']),
  actorName: z.string().nullable(),
  visibility: z.enum(['public', 'internal']),
  createdAt: z.string(),
  data: z.record(z.string(), z.unknown()),
  message: z
    .object({
      id: z.string(),
      direction: z.enum(['in', 'out']),
      kind: z.enum(['citizen', 'acknowledgement', 'reply', 'notification']),
      channel: z.string(),
      body: z.string(),
      delivery: DeliverySchema.nullable(),
    })
    .nullable(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

/** Approve (true) or withdraw (false) one photo of a case for public view. */
export const PhotoVisibilitySchema = z.object({ isPublic: z.boolean() });
export const PhotoVisibilityResultSchema = z.object({ isPublic: z.boolean(), changed: z.boolean() });

export const CaseDetailSchema = z.object({
  case: CaseSummarySchema.extend({
    description: z.string(),
    intakeMethod: z.enum(INTAKE_METHODS),
    /** The case's current category and procedure: the first pass's, or an officer's correction of it. */
    category: z.string().nullable(),
    procedureCode: z.string().nullable(),
    location: LocationSchema.nullable(),
    citizen: z.object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
    /** `isPublic`: an officer approved the photo for the public map, list and Open311 (faces, plates checked). */
    attachments: z.array(z.object({ id: z.string(), contentType: z.string(), url: z.string(), isPublic: z.boolean() })),
  }),
  timeline: z.array(TimelineEntrySchema),
  /** The statuses this staff member may move the case to now (empty unless they may change its status). */
  allowedTransitions: z.array(z.enum(CASE_STATUSES)),
  /** The viewer may approve this case's photos for public view (role and the case's own unit subtree). */
  canPublishPhotos: z.boolean(),
  /**
   * What this staff member may do on the case, from their role and their unit's relation to it (the same rule
   * every case endpoint enforces): staff of a coordinating unit read and add notes; the lead unit does the rest.
   */
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
  /** Why this staff member sees the case: lead unit (chủ trì), coordinating unit (phối hợp), or asked to take it over. */
  relation: z.enum(CASE_RELATIONS),
  /** What the first pass understood and where routing sent the case, with its reasons; null when not classified. */
  triage: z
    .object({
      type: z.string(),
      category: z.string().nullable(),
      procedure: z.string().nullable(),
      urgent: z.boolean(),
      legalTrack: z.string().nullable(),
      confidence: z.number(),
      place: z.object({ ward: z.string().nullable(), district: z.string().nullable(), street: z.string().nullable(), unitCode: z.string().nullable(), candidates: z.array(z.object({ code: z.string(), name: z.string() })) }),
      receivedBy: z.string(),
      decision: z.enum(['routed', 'kept', 'triage']),
      explanation: z.array(z.object({ vi: z.string(), en: z.string() })),
    })
    .nullable(),
  /** Open reports that probably describe the same matter (proposed at intake), for the officer to merge or dismiss. */
  duplicates: z.array(z.object({ caseId: z.string(), trackingCode: z.string(), excerpt: z.string(), score: z.number(), reasons: z.array(z.object({ vi: z.string(), en: z.string() })) })),
  mergedInto: z.object({ id: z.string(), trackingCode: z.string() }).nullable(),
  /** What staff can do to answer now: the ways available on the case's channel and their windows. */
  reply: z.object({
    preferred: z.enum(REPLY_MODES).nullable(),
    modes: z.array(
      z.object({
        mode: z.enum(REPLY_MODES),
        available: z.boolean(),
        reason: z.enum(['no_conversation', 'window_closed', 'no_comment', 'comment_removed', 'private_reply_used', 'comment_too_old']).nullable(),
        closesAt: z.string().nullable(),
        cost: z.enum(['free', 'billable']).nullable(),
        humanOnly: z.boolean(),
      }),
    ),
  }),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

/** mode: how to deliver (default: the case's preferred way, see CaseDetail.reply.preferred). */
export const ReplyCreateSchema = z.object({ body: z.string().trim().min(1).max(TEXT_MAX), mode: z.enum(REPLY_MODES).optional() });
/** One action on several cases of the inbox, all or nothing (at most 100 cases). */
export const BulkCaseActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), assigneeId: z.string().uuid().nullable() }),
  z.object({ kind: z.literal('status'), status: z.enum(CASE_STATUSES), reason: z.string().trim().max(2000).optional() }),
]);
export type BulkCaseAction = z.infer<typeof BulkCaseActionSchema>;
export const BulkCaseRequestSchema = z.object({ caseIds: z.array(z.string().uuid()).min(1).max(100), action: BulkCaseActionSchema });
export const BulkCaseResultSchema = z.object({ changed: z.number().int() });
/** An internal note; `mentions`: staff ids of colleagues it is addressed to (each is notified). */
export const NoteCreateSchema = z.object({ body: z.string().trim().min(1).max(TEXT_MAX), mentions: z.array(z.string().uuid()).max(20).default([]) });
/** Colleagues who may be mentioned in a note on a case (they may read it), nearest units first. */
export const MentionableStaffSchema = z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), unitName: z.string() }));
export type MentionableStaff = z.infer<typeof MentionableStaffSchema>;
/** An officer's correction of the first pass; with unitCode, the case also moves to that unit (in scope). */
export const TriageCorrectionSchema = z.object({
  type: z.enum(CASE_TYPES),
  // The model's own codes only: a correction is a training label, and a typo would teach it a class that is not.
  category: z.enum(TRIAGE_CATEGORIES).nullable(),
  procedure: z.enum(TRIAGE_PROCEDURES).nullable(),
  urgent: z.boolean(),
  unitCode: z.string().trim().min(1).max(20).optional(),
});
export const MergeSchema = z.object({ intoCaseId: z.string().uuid() });
export const StatusChangeSchema = z.object({ status: z.enum(CASE_STATUSES), reason: z.string().trim().max(1000).optional() });
export const AssignSchema = z.object({ assigneeId: z.string().uuid().nullable() });
export const CreatedIdSchema = z.object({ id: z.string() });

export const StaffListSchema = z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(STAFF_ROLES) }));

export const TemplateSchema = z.object({
  unitCode: z.string().nullable(),
  locale: z.enum(LOCALES),
  body: z.string(),
  isDefault: z.boolean(),
  variables: z.array(z.string()),
});
export const TemplateUpdateSchema = z.object({ unitCode: z.string(), locale: z.enum(LOCALES), body: z.string().trim().min(10).max(2000) });

export const OutboxItemSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  trackingCode: z.string(),
  channel: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastErrorCode: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
});
export const OutboxListSchema = z.array(OutboxItemSchema);

// ---------- channel accounts (console: Kênh kết nối) ----------
// Imported here so this section stays one block (others edit the top of the file); imports are hoisted anyway.
import { CHANNEL_HEALTHS } from './enums.ts';

/** A connected provider account and its health. Credentials are never part of any response. */
export const ChannelAccountViewSchema = z.object({
  channel: z.string(),
  accountId: z.string(),
  name: z.string().nullable(),
  unit: z.object({ code: z.string(), name: z.string() }),
  health: z.enum(CHANNEL_HEALTHS),
  /** Why it is not healthy: a stable code such as CHANNEL_AUTH_INVALID or ZALO_REFRESH_REJECTED. */
  healthReason: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  /** null: unknown (tokens pasted by hand until their first refresh; Facebook Page tokens do not expire). */
  accessTokenExpiresAt: z.string().nullable(),
  /** The token expires within 24 h or already did. */
  tokenExpiresSoon: z.boolean(),
  held: z.number().int(),
  dead: z.number().int(),
  queued: z.number().int(),
  sent24h: z.number().int(),
  failed24h: z.number().int(),
  followers: z.number().int(),
});
export const ChannelAccountListSchema = z.array(ChannelAccountViewSchema);

/** One input of a channel's settings form, derived from the adapter's config schema. */
export const ChannelFormFieldSchema = z.object({
  name: z.string(),
  type: z.enum(['string', 'number', 'boolean']),
  required: z.boolean(),
  /** Credentials: a password input, never echoed back by the server. */
  secret: z.boolean(),
  pattern: z.string().nullable(),
  minLength: z.number().int().nullable(),
  maxLength: z.number().int().nullable(),
  default: z.string().nullable(),
});
export const ChannelFormSchema = z.object({ channel: z.string(), fields: z.array(ChannelFormFieldSchema) });
export const ChannelFormListSchema = z.array(ChannelFormSchema);

export const ChannelAccountCreateSchema = z.object({
  channel: z.string().trim().min(1).max(40),
  unitCode: z.string().trim().min(1).max(20),
  name: z.string().trim().max(200).optional(),
  /** Field name → value as typed; validated by the channel's own schema (CHANNEL_CONFIG_INVALID with per-field details). */
  config: z.record(z.string().max(100), z.string().max(4000)),
});
export const ChannelAccountCreatedSchema = z.object({ channel: z.string(), accountId: z.string(), created: z.boolean() });
/** `details` of CHANNEL_CONFIG_INVALID: one entry per invalid field (`code` is the validator's issue code). */
export const ChannelFieldErrorSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });

// ---- Procedure catalogue (thủ tục hành chính), public look-up ----

/** Per fact: true when the data marks it as not yet verified in a source (shown as "cần kiểm tra"). */
export const ProcedureNeedsCheckSchema = z.object({ processingTime: z.boolean(), fees: z.boolean(), documents: z.boolean(), legalBasis: z.boolean() });
export const ProcedureProcessingTimeSchema = z.object({ text: z.string(), working_days: z.number().nullable().optional() }).passthrough();
export const ProcedureSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  field: z.string(),
  /** false: only the code and the name are known. */
  hasDetails: z.boolean(),
  processingTime: ProcedureProcessingTimeSchema.nullable(),
  needsCheck: ProcedureNeedsCheckSchema,
});
export type ProcedureSummary = z.infer<typeof ProcedureSummarySchema>;
export const ProcedureListSchema = z.array(ProcedureSummarySchema);
export const ProcedureSearchQuerySchema = z.object({ q: z.string().max(200).optional() });
export const ProcedureDetailSchema = ProcedureSummarySchema.extend({
  level: z.string(),
  /** Where to go (the receiving office). */
  agency: z.string().nullable(),
  fees: z.array(z.object({ text: z.string(), amount_vnd: z.number().nullable().optional() }).passthrough()),
  documents: z.array(z.string()),
  result: z.string().nullable(),
  legalBasis: z.array(z.string()),
  notes: z.array(z.string()),
  sources: z.array(z.string()),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetailSchema>;

// ---- Transfers between units, coordinating units, audit export, accountability reports (issue 5) ----

export const TransferRequestSchema = z.object({ unitCode: z.string().min(1).max(20), reason: z.string().trim().min(1).max(2000) });
export const TransferReturnSchema = z.object({ reason: z.string().trim().min(1).max(2000) });
export const CoordinatingUnitBodySchema = z.object({ unitCode: z.string().min(1).max(20) });
const UnitRefSchema = z.object({ code: z.string(), name: z.string() });
export const CaseTransferSchema = z.object({
  id: z.string(),
  from: UnitRefSchema,
  to: UnitRefSchema,
  requestedBy: z.string(),
  requestedAt: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'accepted', 'returned']),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** The viewer may accept or return it (staff of the receiving unit's subtree, while pending). */
  canDecide: z.boolean(),
});
export type CaseTransfer = z.infer<typeof CaseTransferSchema>;
export const CaseTransfersSchema = z.object({
  lead: UnitRefSchema,
  transfers: z.array(CaseTransferSchema),
  coordinatingUnits: z.array(UnitRefSchema.extend({ addedAt: z.string() })),
  /** The viewer may ask for a transfer and change coordinating units (the case is in their scope). */
  canTransfer: z.boolean(),
});
export type CaseTransfers = z.infer<typeof CaseTransfersSchema>;

/** An instant with offset, or a Vietnam calendar day (from: its start; to: the end of that day). */
const ReportInstantSchema = z.union([z.string().datetime({ offset: true }), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);
export const ReportPeriodQuerySchema = z.object({ from: ReportInstantSchema.optional(), to: ReportInstantSchema.optional() });
export type ReportPeriodQuery = z.infer<typeof ReportPeriodQuerySchema>;
export const MisrouteQuerySchema = ReportPeriodQuerySchema.extend({ days: z.coerce.number().int().min(0).max(90).default(3) });
export type MisrouteQuery = z.infer<typeof MisrouteQuerySchema>;
const OnTimeCountsSchema = z.object({ closedOnTime: z.number(), closedLate: z.number(), openPastDue: z.number(), rate: z.number().nullable() });
export const OnTimeReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(OnTimeCountsSchema.extend({ unit: UnitRefSchema, category: z.string().nullable() })),
  total: OnTimeCountsSchema,
});
export type OnTimeReport = z.infer<typeof OnTimeReportSchema>;
export const MisrouteReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  days: z.number(),
  rows: z.array(z.object({ unit: UnitRefSchema, returned: z.number(), passedOnQuickly: z.number(), total: z.number() })),
});
export type MisrouteReport = z.infer<typeof MisrouteReportSchema>;

// ── Public transparency: ward map, reported problems, figures per unit (issue 6) ──
export const WardLocateQuerySchema = z.object({ lat: z.coerce.number().min(-90).max(90), lng: z.coerce.number().min(-180).max(180) });
export const WardLocatedSchema = z.object({ unitCode: z.string().nullable(), name: z.string().nullable(), nameEn: z.string().nullable() });
export type WardLocated = z.infer<typeof WardLocatedSchema>;
export const MapConfigSchema = z.object({
  /** A raster tile URL template ({z}/{x}/{y}), or null: the map then draws ward polygons only. */
  tileUrl: z.string().nullable(),
  tileAttribution: z.string().nullable(),
});
export type MapConfig = z.infer<typeof MapConfigSchema>;
export const PublicProblemQuerySchema = z.object({
  /** minLng,minLat,maxLng,maxLat */
  bbox: z.string().max(100).optional(),
  unitCode: z.string().max(20).optional(),
  /** One status or several separated by commas. */
  status: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const PublicProblemSchema = z.object({
  id: z.string(),
  status: z.enum(CASE_STATUSES),
  category: z.string().nullable(),
  categoryName: z.object({ vi: z.string(), en: z.string() }).nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  unitNameEn: z.string().nullable(),
  createdAt: z.string(),
  /** The citizen's text without personal data or house numbers, at most 280 characters. */
  text: z.string(),
  /** Rounded to ~50 m. */
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  /** Photos an officer marked public: GET /api/public/photos/:id. */
  photoIds: z.array(z.string()),
});
export type PublicProblem = z.infer<typeof PublicProblemSchema>;
export const PublicProblemListSchema = z.object({ items: z.array(PublicProblemSchema), nextCursor: z.string().nullable() });
export type PublicProblemList = z.infer<typeof PublicProblemListSchema>;
export const UnitStatsQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export const UnitStatSchema = z.object({
  rank: z.number().int().nullable(),
  unitCode: z.string(),
  unitName: z.string(),
  cases: z.number().int(),
  medianFirstResponseHours: z.number().nullable(),
  medianResolutionHours: z.number().nullable(),
  /** closedOnTime / (closedWithDue + openPastDue); null when both are 0. */
  onTimeRate: z.number().nullable(),
  closedOnTime: z.number().int(),
  closedWithDue: z.number().int(),
  openPastDue: z.number().int(),
  /** Fewer cases than the ranking needs: listed, not ranked. */
  hasTooFewCases: z.boolean(),
});
export type UnitStat = z.infer<typeof UnitStatSchema>;
export const UnitStatsSchema = z.object({ from: z.string(), to: z.string(), generatedAt: z.string(), minCasesToRank: z.number().int(), units: z.array(UnitStatSchema) });
export type UnitStats = z.infer<typeof UnitStatsSchema>;

// ── Field visits (the ward comes to the citizen's home, issue 5) ──

const VisitInstantSchema = z.string().datetime({ offset: true });
export const VisitOfferSchema = z.object({
  procedureCode: z.string().min(1).max(20),
  slots: z.array(z.object({ startsAt: VisitInstantSchema, endsAt: VisitInstantSchema })).min(1).max(5),
  /** Optionally the officer who will go (their other visits must not overlap the slots). */
  officerId: z.string().uuid().optional(),
});
export const VisitDispatchSchema = z.object({ officerId: z.string().uuid() });
export const VisitCompleteSchema = z.object({
  feeVnd: z.number().int().min(0).max(10_000_000),
  receiptNumber: z.string().trim().max(40).optional(),
  resultReturn: z.enum(VISIT_RESULT_RETURNS),
});
export const VisitCancelSchema = z.object({ reason: z.string().trim().min(3).max(1000), outcome: z.enum(['cancelled', 'no_show']).default('cancelled') });

export const StaffVisitSchema = z.object({
  id: z.string(),
  state: z.enum(VISIT_STATES),
  procedure: z.object({ code: z.string(), name: z.string() }),
  slots: z.array(VisitSlotSchema),
  confirmedSlot: z.number().int().nullable(),
  officer: z.object({ id: z.string(), name: z.string() }).nullable(),
  feeVnd: z.number().int().nullable(),
  receiptNumber: z.string().nullable(),
  resultReturn: z.enum(VISIT_RESULT_RETURNS).nullable(),
  closeReason: z.string().nullable(),
  offeredAt: z.string(),
  completedAt: z.string().nullable(),
  firstMessageAt: z.string(),
  /** From the case's first message to completion (ms); null until done. */
  elapsedMs: z.number().nullable(),
  /** What the viewer may do next. */
  actions: z.array(z.enum(['confirm', 'dispatch', 'depart', 'collect', 'complete', 'cancel', 'no_show'])),
});
export type StaffVisit = z.infer<typeof StaffVisitSchema>;
export const CaseVisitsSchema = z.object({
  /** Procedures that may be done at home, those matching the case's procedure first. */
  procedures: z.array(z.object({ code: z.string(), name: z.string(), feeVnd: z.number().nullable(), conditions: z.string(), suggested: z.boolean() })),
  /** The viewer may offer a visit now (role, case open, no active visit). */
  canOffer: z.boolean(),
  active: StaffVisitSchema.nullable(),
  past: z.array(StaffVisitSchema),
  /** Staff of the case's unit who can be dispatched. */
  officers: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type CaseVisits = z.infer<typeof CaseVisitsSchema>;

const VisitFiguresSchema = z.object({ done: z.number().int(), cancelled: z.number().int(), noShow: z.number().int(), medianMs: z.number().nullable(), p90Ms: z.number().nullable() });
export const VisitReportSchema = z.object({ from: z.string(), to: z.string(), rows: z.array(VisitFiguresSchema.extend({ unit: UnitRefSchema })), total: VisitFiguresSchema });
export type VisitReport = z.infer<typeof VisitReportSchema>;
// ---------- staff notifications ----------

export const NotificationQuerySchema = z.object({
  unreadOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const NotificationSchema = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  /** 0 due soon, 1 overdue, 2 escalated to the parent unit, 3 escalated to the city. */
  level: z.number().int(),
  caseId: z.string().nullable(),
  trackingCode: z.string().nullable(),
  unitName: z.string().nullable(),
  /** note.mention: who wrote the note. */
  byName: z.string().nullable(),
  dueAt: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
export const NotificationListSchema = z.object({ unreadCount: z.number().int(), items: z.array(NotificationSchema) });
export type NotificationList = z.infer<typeof NotificationListSchema>;

// ---------- reply templates ----------

export const ReplyTemplateInputSchema = z.object({
  locale: z.enum(LOCALES),
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(TEXT_MAX),
});
export type ReplyTemplateInput = z.infer<typeof ReplyTemplateInputSchema>;
export const ReplyTemplateCreateSchema = ReplyTemplateInputSchema.extend({ unitCode: z.string().trim().min(1).max(20) });
export const ReplyTemplateSchema = z.object({
  id: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  locale: z.enum(LOCALES),
  title: z.string(),
  body: z.string(),
  /** Belongs to a unit above (the city's are city-wide): usable, not editable here. */
  isInherited: z.boolean(),
  updatedAt: z.string(),
});
export type ReplyTemplate = z.infer<typeof ReplyTemplateSchema>;
export const ReplyTemplateListSchema = z.object({ variables: z.array(z.string()), items: z.array(ReplyTemplateSchema) });
export type ReplyTemplateList = z.infer<typeof ReplyTemplateListSchema>;
/** A template filled from one case, ready for the reply box; `missing` names the variables the case lacks. */
export const RenderedReplyTemplateSchema = z.object({
  id: z.string(),
  title: z.string(),
  locale: z.enum(LOCALES),
  unitName: z.string(),
  isInherited: z.boolean(),
  text: z.string(),
  missing: z.array(z.string()),
});
export type RenderedReplyTemplate = z.infer<typeof RenderedReplyTemplateSchema>;
export const RenderedReplyTemplateListSchema = z.array(RenderedReplyTemplateSchema);
// ---------- city settings: working calendar, working hours, routing rules ----------

export const CalendarQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  unitCode: z.string().min(1).max(20).optional(),
});
export const WorkingHoursRowSchema = z.object({
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.number().int().min(0).max(6),
  /** Minutes after local midnight (07:30 = 450). */
  startMinute: z.number().int().min(0).max(1440),
  endMinute: z.number().int().min(0).max(1440),
});
export type WorkingHoursRow = z.infer<typeof WorkingHoursRowSchema>;
export const CalendarEntrySchema = z.object({
  on: z.string(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string(),
  nameEn: z.string().nullable(),
  /** Legal basis of a shipped day, or the note of the administrator who changed it. */
  basis: z.string().nullable(),
  status: z.enum(['law', 'computed', 'announced', 'needs_checking']),
  isActive: z.boolean(),
  origin: z.enum(['seed', 'admin']),
  /** City-wide, or the unit's own row (which wins over the city's for that date). */
  scope: z.enum(['city', 'unit']),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;
export const CALENDAR_DAY_REASONS = ['weekend', 'holiday', 'day_off', 'working_day'] as const;
export const CalendarYearSchema = z.object({
  year: z.number().int(),
  /** Null: the city-wide calendar. */
  unitCode: z.string().nullable(),
  /** Every day of the year: working or not, and why it differs from an ordinary weekday (null: it does not). */
  days: z.array(z.object({ on: z.string(), isWorking: z.boolean(), reason: z.enum(CALENDAR_DAY_REASONS).nullable() })),
  /** Stored days of the year (city-wide and the unit's), active or switched off. */
  entries: z.array(CalendarEntrySchema),
  /** The unit's own weekly hours, or the city's when it has none (`isOwn` false). */
  hours: z.object({ isOwn: z.boolean(), rows: z.array(WorkingHoursRowSchema) }),
  cityHours: z.array(WorkingHoursRowSchema),
  canEditDays: z.boolean(),
  canEditHours: z.boolean(),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;
export const CalendarDayEditSchema = z.object({
  unitCode: z.string().min(1).max(20).optional(),
  kind: z.enum(CALENDAR_DAY_KINDS),
  name: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200).optional(),
  /** Why: the announcement or correction this edit follows (kept with the day and in the audit log). */
  note: z.string().trim().min(3).max(500),
  isActive: z.boolean(),
});
export type CalendarDayEdit = z.infer<typeof CalendarDayEditSchema>;
export const WorkingHoursUpdateSchema = z.object({
  unitCode: z.string().min(1).max(20).optional(),
  hours: z.array(WorkingHoursRowSchema).max(28),
});
export type WorkingHoursUpdate = z.infer<typeof WorkingHoursUpdateSchema>;

const BilingualSchema = z.object({ vi: z.string(), en: z.string() });
export const RoutingMatchSchema = z.object({
  types: z.array(z.enum(TRIAGE_TYPES)).max(10).optional(),
  categories: z.array(z.string().min(1).max(50)).max(30).optional(),
  procedures: z.array(z.string().min(1).max(50)).max(30).optional(),
  legalTracks: z.array(z.enum(LEGAL_TRACKS)).max(2).optional(),
  urgent: z.boolean().optional(),
});
export type RoutingMatch = z.infer<typeof RoutingMatchSchema>;
export const RoutingTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('place') }),
  z.object({ kind: z.literal('unit'), unitCode: z.string().min(1).max(20) }),
]);
export const RoutingRuleInputSchema = z.object({
  /** The rules' version the editor saw (GET /routing-rules); a stale one is refused with SETTINGS_CHANGED. */
  version: z.number().int(),
  /** Lower runs first; new rules go last when absent. */
  priority: z.number().int().min(1).max(1_000_000).optional(),
  match: RoutingMatchSchema,
  target: RoutingTargetSchema,
  /** Place rules only: where a case goes when no ward can be determined (otherwise the triage queue). */
  fallbackUnitCode: z.string().min(1).max(20).nullable().optional(),
  description: z.object({ vi: z.string().trim().min(3).max(300), en: z.string().trim().min(3).max(300) }),
  enabled: z.boolean().default(true),
});
export type RoutingRuleInput = z.input<typeof RoutingRuleInputSchema>;
export const ROUTING_RULE_WARNINGS = ['unknown_category', 'unknown_procedure'] as const;
export const RoutingRuleSchema = z.object({
  id: z.string(),
  priority: z.number().int(),
  enabled: z.boolean(),
  /** As stored (shipped rules were not checked against the input schema). */
  match: z.object({
    types: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    procedures: z.array(z.string()).optional(),
    legalTracks: z.array(z.string()).optional(),
    urgent: z.boolean().optional(),
  }),
  target: RoutingTargetSchema,
  fallbackUnitCode: z.string().nullable(),
  description: BilingualSchema,
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** Codes in the rule the first pass never assigns (a rule saved before validation, e.g. shipped data). */
  warnings: z.array(z.enum(ROUTING_RULE_WARNINGS)),
});
export type RoutingRuleView = z.infer<typeof RoutingRuleSchema>;
export const RoutingRuleListSchema = z.object({
  version: z.number().int(),
  rules: z.array(RoutingRuleSchema),
  canEdit: z.boolean(),
});
export type RoutingRuleList = z.infer<typeof RoutingRuleListSchema>;
export const RoutingRuleSavedSchema = z.object({ version: z.number().int(), rule: RoutingRuleSchema });
export const RoutingOrderSchema = z.object({ version: z.number().int(), ids: z.array(z.string().uuid()).min(1).max(500) });
export const RoutingVersionSchema = z.object({ version: z.number().int() });
export const RoutingTestSchema = z.object({ text: z.string().trim().min(1).max(TEXT_MAX), location: LocationSchema.optional() });
export const RoutingTestResultSchema = z.object({
  understood: z.object({
    type: z.string(),
    category: z.string().nullable(),
    procedure: z.string().nullable(),
    urgent: z.boolean(),
    legalTrack: z.string().nullable(),
    confidence: z.number(),
    place: z.object({
      ward: z.string().nullable(),
      district: z.string().nullable(),
      street: z.string().nullable(),
      unitCode: z.string().nullable(),
    }),
  }),
  /** What would happen to this text arriving at the city (the portal without a chosen ward). */
  decision: z.enum(['routed', 'triage']),
  unitCode: z.string().nullable(),
  ruleId: z.string().nullable(),
  explanation: z.array(BilingualSchema),
});
export type RoutingTestResult = z.infer<typeof RoutingTestResultSchema>;
export const SettingsHistoryQuerySchema = z.object({ area: z.enum(['routing', 'calendar']) });
export const SettingsChangeSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  payload: z.record(z.string(), z.unknown()),
});
export type SettingsChange = z.infer<typeof SettingsChangeSchema>;
export const SettingsHistorySchema = z.array(SettingsChangeSchema);
