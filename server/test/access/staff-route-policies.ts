import type { ErrorCode } from '../../../contracts/errors.ts';
import type { StaffRole } from '../../../contracts/enums.ts';
import type { AccessFixture, Where } from './access-fixture.ts';

/**
 * The access policy of every staff route: which roles may call it, how its target unit is resolved, and how to
 * build a real request against a target inside ('in') or outside ('out') the caller's unit subtree.
 *
 * A route the app registers under /api/staff without an entry here fails staff-access-matrix.int.test.ts:
 * adding a staff route means adding its line here (and the matrix then proves it keeps to its unit).
 */
export type Target =
  /** `:id` is a case: its lead unit (coordinating and incoming units are tested on their own). */
  | 'case'
  /** A pending transfer: its receiving unit. */
  | 'transfer'
  /** An outgoing message: its case's unit. */
  | 'outbound'
  /** An attachment: its case's unit. */
  | 'attachment'
  /** A unit code in the query or body. */
  | 'unit'
  /** Lists what lies in the caller's subtree; nothing in the request names another unit. */
  | 'scope'
  /** A reply template: its unit. */
  | 'template'
  /** A notification: its owner ('in' the caller's own, 'out' another ward's officer's). */
  | 'notification'
  /** City-wide settings: the role must be held at the city itself (a ward's staff are refused whatever the role). */
  | 'city'
  /** The caller's own session or unit. */
  | 'self';

export type MatrixRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  payload?: Record<string, unknown>;
  headers?: Record<string, string>;
};

export type RoutePolicy = {
  roles: readonly StaffRole[] | 'public';
  target: Target;
  /** Success status for an allowed role on a target in scope. */
  ok: number;
  /** The error a target outside the scope answers: the same as for a target that does not exist. */
  notFound?: ErrorCode;
  /** The answer is an open event stream: only its status is read before it is closed. */
  stream?: boolean;
  /** A request valid against a fresh target (fixtures are built fresh when `fx.fresh`, shared otherwise). */
  request?: (fx: AccessFixture, where: Where, actor: { id: string; email: string }) => Promise<MatrixRequest>;
};

const READ: readonly StaffRole[] = ['city_admin', 'unit_admin', 'officer', 'triage_operator', 'viewer'];
const CASE_WORK: readonly StaffRole[] = ['city_admin', 'unit_admin', 'officer', 'triage_operator'];
const ANSWER: readonly StaffRole[] = ['city_admin', 'unit_admin', 'officer'];
const ADMIN: readonly StaffRole[] = ['city_admin', 'unit_admin'];

const caseUrl = async (fx: AccessFixture, where: Where, suffix = '') => `/api/staff/cases/${(await fx.case(where)).id}${suffix}`;

export const STAFF_ROUTE_POLICIES: Record<string, RoutePolicy> = {
  'POST /api/staff/auth/login': { roles: 'public', target: 'self', ok: 200 },
  'POST /api/staff/auth/logout': {
    roles: READ,
    target: 'self',
    ok: 204,
    // Its own session, so the caller's session used by the other rows stays open.
    request: async (fx, _where, actor) => ({
      method: 'POST',
      url: '/api/staff/auth/logout',
      headers: (await fx.login(actor.email)).headers,
    }),
  },
  'GET /api/staff/me': { roles: READ, target: 'self', ok: 200, request: async () => ({ method: 'GET', url: '/api/staff/me' }) },

  'GET /api/staff/cases': {
    roles: READ,
    target: 'unit',
    ok: 200,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: `/api/staff/cases?view=open&unitCode=${fx.unitCode(where)}` }),
  },
  'POST /api/staff/cases': {
    roles: CASE_WORK,
    target: 'unit',
    ok: 201,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: '/api/staff/cases',
      payload: { text: fx.text(where, 'Gọi điện báo đèn đường hỏng'), unitCode: fx.unitCode(where), intakeMethod: 'phone' },
    }),
  },
  'POST /api/staff/cases/bulk': {
    roles: CASE_WORK,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({ method: 'POST', url: '/api/staff/cases/bulk', payload: { caseIds: [(await fx.case(where)).id], action: { kind: 'assign', assigneeId: null } } }),
  },
  'GET /api/staff/cases/:id': {
    roles: READ,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: await caseUrl(fx, where) }),
  },
  'POST /api/staff/cases/:id/replies': {
    roles: ANSWER,
    target: 'case',
    ok: 201,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/replies'),
      payload: { body: 'Phường đã tiếp nhận và sẽ kiểm tra.' },
    }),
  },
  'POST /api/staff/cases/:id/notes': {
    roles: CASE_WORK,
    target: 'case',
    ok: 201,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/notes'),
      payload: { body: 'Ghi chú nội bộ' },
    }),
  },
  'GET /api/staff/cases/:id/mentionable': {
    roles: CASE_WORK,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: await caseUrl(fx, where, '/mentionable') }),
  },
  'POST /api/staff/cases/:id/status': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/status'),
      payload: { status: 'in_progress' },
    }),
  },
  'POST /api/staff/cases/:id/triage': {
    roles: CASE_WORK,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/triage'),
      payload: { type: 'phan_anh', category: 'chieu_sang', procedure: null, urgent: false },
    }),
  },
  'POST /api/staff/cases/:id/merge': {
    roles: CASE_WORK,
    target: 'case',
    ok: 204,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => {
      const [duplicate, main] = await fx.duplicatePair(where);
      return { method: 'POST', url: `/api/staff/cases/${duplicate.id}/merge`, payload: { intoCaseId: main.id } };
    },
  },
  'POST /api/staff/cases/:id/duplicates/:otherId/dismiss': {
    roles: CASE_WORK,
    target: 'case',
    ok: 204,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => {
      const [a, b] = await fx.duplicatePair(where);
      return { method: 'POST', url: `/api/staff/cases/${a.id}/duplicates/${b.id}/dismiss` };
    },
  },
  'POST /api/staff/cases/:id/assign': {
    roles: CASE_WORK,
    target: 'case',
    ok: 204,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where, actor) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/assign'),
      payload: { assigneeId: actor.id },
    }),
  },
  'GET /api/staff/attachments/:id': {
    roles: READ,
    target: 'attachment',
    ok: 200,
    notFound: 'NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: `/api/staff/attachments/${(await fx.attachment(where)).id}` }),
  },
  'PUT /api/staff/cases/:id/attachments/:attachmentId/public': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => {
      const a = await fx.attachment(where);
      return { method: 'PUT', url: `/api/staff/cases/${a.caseId}/attachments/${a.id}/public`, payload: { isPublic: true } };
    },
  },

  'GET /api/staff/staff': {
    roles: READ,
    target: 'self',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/staff' }),
  },
  'GET /api/staff/templates/acknowledgement': {
    roles: READ,
    target: 'unit',
    ok: 200,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: `/api/staff/templates/acknowledgement?unitCode=${fx.unitCode(where)}` }),
  },
  'PUT /api/staff/templates/acknowledgement': {
    roles: ADMIN,
    target: 'unit',
    ok: 200,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'PUT',
      url: '/api/staff/templates/acknowledgement',
      payload: { unitCode: fx.unitCode(where), locale: 'vi', body: 'Đã nhận phản ánh, mã {trackingCode}.' },
    }),
  },
  'GET /api/staff/outbox': {
    roles: ANSWER,
    target: 'scope',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/outbox?status=dead' }),
  },
  'POST /api/staff/outbox/:id/retry': {
    roles: ADMIN,
    target: 'outbound',
    ok: 204,
    notFound: 'OUTBOUND_NOT_FOUND',
    request: async (fx, where) => ({ method: 'POST', url: `/api/staff/outbox/${await fx.deadOutbound(where)}/retry` }),
  },

  'GET /api/staff/cases/:id/transfers': {
    roles: READ,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: await caseUrl(fx, where, '/transfers') }),
  },
  'POST /api/staff/cases/:id/transfers': {
    roles: ANSWER,
    target: 'case',
    ok: 201,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/transfers'),
      payload: { unitCode: 'SXD', reason: 'Thuộc thẩm quyền Sở Xây dựng' },
    }),
  },
  'POST /api/staff/cases/:id/transfers/:transferId/accept': {
    roles: ANSWER,
    target: 'transfer',
    ok: 204,
    notFound: 'TRANSFER_NOT_FOUND',
    request: async (fx, where) => {
      const t = await fx.pendingTransfer(where);
      return { method: 'POST', url: `/api/staff/cases/${t.caseId}/transfers/${t.transferId}/accept` };
    },
  },
  'POST /api/staff/cases/:id/transfers/:transferId/return': {
    roles: ANSWER,
    target: 'transfer',
    ok: 204,
    notFound: 'TRANSFER_NOT_FOUND',
    request: async (fx, where) => {
      const t = await fx.pendingTransfer(where);
      return {
        method: 'POST',
        url: `/api/staff/cases/${t.caseId}/transfers/${t.transferId}/return`,
        payload: { reason: 'Không thuộc địa bàn' },
      };
    },
  },
  'POST /api/staff/cases/:id/coordinating-units': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/coordinating-units'),
      payload: { unitCode: 'SXD' },
    }),
  },
  'POST /api/staff/cases/:id/coordinating-units/:unitCode/remove': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: `/api/staff/cases/${(await fx.coordinatedCase(where)).id}/coordinating-units/SXD/remove`,
    }),
  },
  'GET /api/staff/reports/on-time': {
    roles: READ,
    target: 'scope',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/reports/on-time' }),
  },
  'GET /api/staff/reports/misroutes': {
    roles: READ,
    target: 'scope',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/reports/misroutes' }),
  },
  'GET /api/staff/audit/export': {
    roles: ADMIN,
    target: 'scope',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/audit/export' }),
  },

  'GET /api/staff/notifications': {
    roles: READ,
    target: 'self',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/notifications' }),
  },
  'POST /api/staff/notifications/:id/read': {
    roles: READ,
    target: 'notification',
    ok: 204,
    notFound: 'NOT_FOUND',
    request: async (fx, where, actor) => ({
      method: 'POST',
      url: `/api/staff/notifications/${await fx.notification(where, actor.id)}/read`,
    }),
  },
  'POST /api/staff/notifications/read-all': {
    roles: READ,
    target: 'self',
    ok: 200,
    request: async () => ({ method: 'POST', url: '/api/staff/notifications/read-all' }),
  },

  'GET /api/staff/reply-templates': {
    roles: READ,
    target: 'unit',
    ok: 200,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: `/api/staff/reply-templates?unitCode=${fx.unitCode(where)}` }),
  },
  'POST /api/staff/reply-templates': {
    roles: ADMIN,
    target: 'unit',
    ok: 201,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: '/api/staff/reply-templates',
      payload: {
        unitCode: fx.unitCode(where),
        locale: 'vi',
        title: 'Đã tiếp nhận',
        body: 'Hồ sơ {trackingCode} đã được tiếp nhận.',
      },
    }),
  },
  'PUT /api/staff/reply-templates/:id': {
    roles: ADMIN,
    target: 'template',
    ok: 200,
    notFound: 'TEMPLATE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'PUT',
      url: `/api/staff/reply-templates/${await fx.replyTemplate(where)}`,
      payload: { locale: 'vi', title: 'Đã sửa', body: 'Hồ sơ {trackingCode}.' },
    }),
  },
  'DELETE /api/staff/reply-templates/:id': {
    roles: ADMIN,
    target: 'template',
    ok: 204,
    notFound: 'TEMPLATE_NOT_FOUND',
    request: async (fx, where) => ({ method: 'DELETE', url: `/api/staff/reply-templates/${await fx.replyTemplate(where)}` }),
  },
  'GET /api/staff/cases/:id/reply-templates': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: await caseUrl(fx, where, '/reply-templates') }),
  },

  'GET /api/staff/calendar': {
    roles: READ,
    target: 'unit',
    ok: 200,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: `/api/staff/calendar?year=2026&unitCode=${fx.unitCode(where)}` }),
  },
  'PUT /api/staff/calendar/days/:on': {
    roles: ['city_admin'],
    target: 'unit',
    ok: 200,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'PUT',
      url: `/api/staff/calendar/days/${fx.nextDay()}`,
      payload: {
        unitCode: fx.unitCode(where),
        kind: 'working_day',
        name: 'Làm bù',
        note: 'Theo thông báo của phường',
        isActive: true,
      },
    }),
  },
  'PUT /api/staff/calendar/hours': {
    roles: ADMIN,
    target: 'unit',
    ok: 204,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'PUT',
      url: '/api/staff/calendar/hours',
      payload: {
        unitCode: fx.unitCode(where),
        hours: [1, 2, 3, 4, 5].flatMap((weekday) => [
          { weekday, startMinute: 450, endMinute: 690 },
          { weekday, startMinute: 780, endMinute: 1020 },
        ]),
      },
    }),
  },
  'GET /api/staff/settings/history': {
    roles: READ,
    target: 'self',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/settings/history?area=calendar' }),
  },
  'GET /api/staff/routing-rules': {
    roles: READ,
    target: 'self',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/routing-rules' }),
  },
  'POST /api/staff/routing-rules/test': {
    roles: READ,
    target: 'self',
    ok: 200,
    request: async () => ({
      method: 'POST',
      url: '/api/staff/routing-rules/test',
      payload: { text: 'Cống thoát nước bị tắc ở phường Sài Gòn' },
    }),
  },
  'POST /api/staff/routing-rules': {
    roles: ['city_admin'],
    target: 'city',
    ok: 201,
    request: async (fx) => ({
      method: 'POST',
      url: '/api/staff/routing-rules',
      payload: fx.routingRule((await fx.routing()).version),
    }),
  },
  'PUT /api/staff/routing-rules/:id': {
    roles: ['city_admin'],
    target: 'city',
    ok: 200,
    request: async (fx) => {
      const id = await fx.savedRoutingRule();
      return {
        method: 'PUT',
        url: `/api/staff/routing-rules/${id}`,
        payload: { ...fx.routingRule((await fx.routing()).version), enabled: false },
      };
    },
  },
  'PUT /api/staff/routing-rules/order': {
    roles: ['city_admin'],
    target: 'city',
    ok: 200,
    request: async (fx) => ({ method: 'PUT', url: '/api/staff/routing-rules/order', payload: await fx.routing() }),
  },

  'GET /api/staff/events': {
    roles: READ,
    target: 'scope',
    ok: 200,
    // A stream that stays open: the matrix reads its status and first event, then closes it.
    stream: true,
    request: async () => ({ method: 'GET', url: '/api/staff/events' }),
  },

  'GET /api/staff/cases/:id/visits': {
    roles: READ,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({ method: 'GET', url: await caseUrl(fx, where, '/visits') }),
  },
  'POST /api/staff/cases/:id/visits': {
    roles: ANSWER,
    target: 'case',
    ok: 201,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: await caseUrl(fx, where, '/visits'),
      payload: { procedureCode: '2.000815', slots: [fx.nextSlot()] },
    }),
  },
  'POST /api/staff/cases/:id/visits/dispatch': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where, actor) => ({
      method: 'POST',
      url: `/api/staff/cases/${(await fx.visit(where, 'confirmed')).id}/visits/dispatch`,
      payload: { officerId: actor.id },
    }),
  },
  'POST /api/staff/cases/:id/visits/depart': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: `/api/staff/cases/${(await fx.visit(where, 'dispatched')).id}/visits/depart`,
    }),
  },
  'POST /api/staff/cases/:id/visits/collect': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: `/api/staff/cases/${(await fx.visit(where, 'on_the_way')).id}/visits/collect`,
    }),
  },
  'POST /api/staff/cases/:id/visits/complete': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: `/api/staff/cases/${(await fx.visit(where, 'collected')).id}/visits/complete`,
      payload: { feeVnd: 0, resultReturn: 'handed_over' },
    }),
  },
  'POST /api/staff/cases/:id/visits/cancel': {
    roles: ANSWER,
    target: 'case',
    ok: 200,
    notFound: 'CASE_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: `/api/staff/cases/${(await fx.visit(where, 'offered')).id}/visits/cancel`,
      payload: { reason: 'Người dân đổi lịch' },
    }),
  },
  'GET /api/staff/reports/field-visits': {
    roles: READ,
    target: 'scope',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/reports/field-visits' }),
  },

  'GET /api/staff/channels': {
    roles: READ,
    target: 'scope',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/channels' }),
  },
  'GET /api/staff/channels/forms': {
    roles: READ,
    target: 'self',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/staff/channels/forms' }),
  },
  'POST /api/staff/channels': {
    roles: ADMIN,
    target: 'unit',
    ok: 201,
    notFound: 'UNIT_NOT_FOUND',
    request: async (fx, where) => ({
      method: 'POST',
      url: '/api/staff/channels',
      payload: { channel: 'zalo', unitCode: fx.unitCode(where), config: fx.zaloConfig() },
    }),
  },
};
