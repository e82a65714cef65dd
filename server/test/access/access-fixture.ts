import { createHash } from 'node:crypto';
import { addCoordinatingUnit } from '../../src/commands/add-coordinating-unit.ts';
import { confirmVisitSlot } from '../../src/commands/confirm-visit-slot.ts';
import { dispatchFieldVisit } from '../../src/commands/dispatch-field-visit.ts';
import { markVisitCollected } from '../../src/commands/mark-visit-collected.ts';
import { markVisitDeparted } from '../../src/commands/mark-visit-departed.ts';
import { offerFieldVisit } from '../../src/commands/offer-field-visit.ts';
import { openCase } from '../../src/commands/open-case.ts';
import { createReplyTemplate } from '../../src/commands/reply-templates.ts';
import { listRoutingRulesForStaff } from '../../src/commands/list-routing-rules.ts';
import { saveRoutingRule } from '../../src/commands/save-routing-rule.ts';
import { requestTransfer } from '../../src/commands/request-transfer.ts';
import type { Queryable } from '../../src/db/client.ts';
import { findStaffById, type StaffRow } from '../../src/db/repositories/staff.repo.ts';
import type { TestApp } from '../build-test-app.ts';

/** 'in': a target in ward Sài Gòn (26740), where the matrix's staff work; 'out': one in ward Linh Xuân (26800). */
export type Where = 'in' | 'out';
export const UNIT_OF: Record<Where, string> = { in: '26740', out: '26800' };

/** A word every text written for an out-of-scope target carries: no response to ward Sài Gòn's staff may contain it. */
export const OUT_OF_SCOPE_MARK = 'LINHXUAN-RIENG';

type CaseRef = { id: string; trackingCode: string };
/** A field visit left at this step (each later step needs the one before). */
export type VisitStage = 'offered' | 'confirmed' | 'dispatched' | 'on_the_way' | 'collected';
const DAY_MS = 86_400_000;
const TYPES = ['thu_tuc', 'phan_anh', 'hoi_dap', 'gop_y', 'khac'];
type Session = Awaited<ReturnType<TestApp['login']>>;

/**
 * Builds the targets the access matrix aims at: cases, pending transfers, dead outgoing messages, attachments,
 * duplicate proposals, coordinated cases, in either ward. With `fresh` off, each kind of target is built once
 * per ward and shared (requests that must be refused change nothing); with it on, every call builds a new one.
 */
export class AccessFixture {
  fresh = false;
  /** Tracking codes of every out-of-scope case built: none may show up in a response to ward Sài Gòn's staff. */
  readonly outMarks = new Set<string>([OUT_OF_SCOPE_MARK]);
  private readonly shared = new Map<string, unknown>();
  private seq = 0;
  private slots = 0;
  private cityAdmin: StaffRow | undefined;

  constructor(private readonly t: TestApp) {}

  unitCode(where: Where): string {
    return UNIT_OF[where];
  }

  text(where: Where, text: string): string {
    return where === 'out' ? `${text} (${OUT_OF_SCOPE_MARK})` : text;
  }

  login(email: string): Promise<Session> {
    return this.t.login(email);
  }

  zaloConfig(): Record<string, string> {
    const oaId = String(1_700_000_000_000_000_000n + BigInt(++this.seq));
    return {
      oaId,
      appId: '4318834917716423000',
      oaSecretKey: `oa-secret-${oaId}`,
      accessToken: `at-${oaId}`,
      refreshToken: `rt-${oaId}`,
      appSecret: `as-${oaId}`,
    };
  }

  case(where: Where): Promise<CaseRef> {
    return this.once(`case:${where}`, () => this.openIn(UNIT_OF[where], where));
  }

  duplicatePair(where: Where): Promise<[CaseRef, CaseRef]> {
    return this.once(`pair:${where}`, async () => {
      const main = await this.openIn(UNIT_OF[where], where);
      const duplicate = await this.openIn(UNIT_OF[where], where);
      await proposeDuplicate(this.t.ctx.db, duplicate.id, main.id, this.t.clock.now());
      return [duplicate, main];
    });
  }

  /** A case of the city (79) waiting for the ward to accept it. */
  pendingTransfer(where: Where): Promise<{ caseId: string; transferId: string }> {
    return this.once(`transfer:${where}`, async () => {
      const c = await this.openIn('79', where);
      const { transferId } = await requestTransfer(this.t.ctx, await this.admin(), c.id, {
        unitCode: UNIT_OF[where],
        reason: 'Thuộc địa bàn phường',
      });
      return { caseId: c.id, transferId };
    });
  }

  /** A case of the ward with the Department of Construction (SXD) coordinating. */
  coordinatedCase(where: Where): Promise<CaseRef> {
    return this.once(`coordinated:${where}`, async () => {
      const c = await this.openIn(UNIT_OF[where], where);
      await addCoordinatingUnit(this.t.ctx, await this.admin(), c.id, 'SXD');
      return c;
    });
  }

  /** The acknowledgement of a new case, given up after its attempts (a dead letter). */
  deadOutbound(where: Where): Promise<string> {
    return this.once(`outbound:${where}`, async () => {
      const c = await this.openIn(UNIT_OF[where], where);
      const [row] = await this.t.ctx.db.query<{ id: string }>(
        "UPDATE outbound_messages SET status = 'dead', attempts = 8 WHERE case_id = $1 RETURNING id",
        [c.id],
      );
      if (!row) throw new Error('no outgoing message');
      return row.id;
    });
  }

  /**
   * A free 15-minute slot: working days after the test clock's day, 07:30–11:30 and 13:00–17:00 (+07:00), never
   * the same twice, so no officer is ever booked twice.
   */
  nextSlot(): { startsAt: string; endsAt: string } {
    const n = this.slots++;
    const perDay = 32;
    let day = new Date(this.t.clock.now().getTime() + DAY_MS);
    for (let left = Math.floor(n / perDay); ; day = new Date(day.getTime() + DAY_MS)) {
      const weekday = new Date(day.getTime() + 7 * 3_600_000).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      if (left-- === 0) break;
    }
    const i = n % perDay;
    const minute = i < 16 ? 450 + i * 15 : 780 + (i - 16) * 15;
    const on = new Date(day.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const at = (m: number) =>
      new Date(`${on}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00+07:00`).toISOString();
    return { startsAt: at(minute), endsAt: at(minute + 15) };
  }

  /** A new case with a home visit (certified copies, 2.000815) taken to the given step by the city administrator. */
  visit(where: Where, stage: VisitStage): Promise<CaseRef> {
    return this.once(`visit:${stage}:${where}`, async () => {
      const c = await this.openIn(UNIT_OF[where], where);
      const admin = await this.admin();
      await offerFieldVisit(this.t.ctx, admin, c.id, {
        procedureCode: '2.000815',
        slots: [this.nextSlot()].map((x) => ({ startsAt: new Date(x.startsAt), endsAt: new Date(x.endsAt) })),
      });
      if (stage === 'offered') return c;
      await confirmVisitSlot(this.t.ctx, c.trackingCode, 1);
      if (stage === 'confirmed') return c;
      await dispatchFieldVisit(this.t.ctx, admin, c.id, admin.id);
      if (stage === 'dispatched') return c;
      await markVisitDeparted(this.t.ctx, admin, c.id);
      if (stage === 'on_the_way') return c;
      await markVisitCollected(this.t.ctx, admin, c.id);
      return c;
    });
  }

  /** The routing rules' version and ids in order, as the city administrator reads them now. */
  async routing(): Promise<{ version: number; ids: string[] }> {
    const list = await listRoutingRulesForStaff(this.t.ctx, await this.admin());
    return { version: list.version, ids: list.rules.map((r) => r.id) };
  }

  /** The fields of a routing rule no other rule has (urgent tree reports to the Department of Construction). */
  routingRule(version: number): Record<string, unknown> {
    return {
      version,
      priority: 9000 + ++this.seq,
      // Conditions no two calls share: a subset of the types, by the call's number.
      match: { categories: ['cay_xanh'], urgent: true, types: TYPES.filter((_, i) => ((this.seq % 31) + 1) & (1 << i)) },
      target: { kind: 'unit', unitCode: 'SXD' },
      description: { vi: `Thử quyền ${this.seq}`, en: `Access trial ${this.seq}` },
      enabled: true,
    };
  }

  /** A routing rule added by the city administrator. */
  savedRoutingRule(): Promise<string> {
    return this.once('routing-rule', async () => {
      const { version } = await this.routing();
      const saved = await saveRoutingRule(this.t.ctx, await this.admin(), undefined, this.routingRule(version) as never);
      return saved.rule.id;
    });
  }

  /** A day of 2027 not edited before (calendar edits are per day). */
  nextDay(): string {
    return new Date(Date.UTC(2027, 2, 1) + this.slots++ * DAY_MS).toISOString().slice(0, 10);
  }

  /** A reply template of the ward. */
  replyTemplate(where: Where): Promise<string> {
    return this.once(`template:${where}`, async () => {
      const created = await createReplyTemplate(this.t.ctx, await this.admin(), UNIT_OF[where], {
        locale: 'vi',
        title: `Mẫu ${++this.seq}`,
        body: this.text(where, 'Kính gửi {citizenName}, hồ sơ {trackingCode} đang được xử lý.'),
      });
      return created.id;
    });
  }

  /** A deadline notification of the given staff member ('in') or of an officer of the other ward ('out'). */
  notification(where: Where, staffId: string): Promise<number> {
    return this.once(`notification:${where}:${staffId}`, async () => {
      const [other] = await this.t.ctx.db.query<{ id: string }>(
        "SELECT id FROM staff_users WHERE email = 'canbo.linhxuan@gandan.local'",
      );
      const now = this.t.clock.now();
      const [row] = await this.t.ctx.db.query<{ id: number }>(
        `INSERT INTO staff_notifications (staff_id, kind, level, due_at, created_at) VALUES ($1, 'deadline.due_soon', 0, $2, $3) RETURNING id`,
        [where === 'in' ? staffId : other!.id, new Date(now.getTime() + ++this.seq * 60_000), now],
      );
      return Number(row!.id);
    });
  }

  /** A photo of a new case. */
  attachment(where: Where): Promise<{ caseId: string; id: string }> {
    return this.once(`attachment:${where}`, async () => {
      const c = await this.openIn(UNIT_OF[where], where);
      const data = Buffer.from(`photo of ${c.trackingCode}`);
      const [row] = await this.t.ctx.db.query<{ id: string }>(
        `INSERT INTO attachments (upload_token, case_id, content_type, byte_size, sha256, data, created_at) VALUES ($1, $2, 'image/jpeg', $3, $4, $5, $6) RETURNING id`,
        [`upload-${c.id}`, c.id, data.length, createHash('sha256').update(data).digest('hex'), data, this.t.clock.now()],
      );
      return { caseId: c.id, id: row!.id };
    });
  }

  private async once<T>(key: string, build: () => Promise<T>): Promise<T> {
    if (this.fresh) return build();
    if (!this.shared.has(key)) this.shared.set(key, await build());
    return this.shared.get(key) as T;
  }

  private async openIn(unitCode: string, where: Where): Promise<CaseRef> {
    const n = ++this.seq;
    const opened = await openCase(this.t.ctx, {
      text: this.text(where, `Phản ánh số ${n}: ổ gà trên đường`),
      unitCode,
      channel: 'portal',
      intakeMethod: 'portal',
      contact: { name: `Người dân ${n}`, phone: '0901234567' },
      locale: 'vi',
    });
    if (where === 'out') this.outMarks.add(opened.trackingCode);
    return { id: opened.caseId, trackingCode: opened.trackingCode };
  }

  private async admin(): Promise<StaffRow> {
    if (this.cityAdmin) return this.cityAdmin;
    const [row] = await this.t.ctx.db.query<{ id: string }>("SELECT id FROM staff_users WHERE email = 'admin@gandan.local'");
    this.cityAdmin = await findStaffById(this.t.ctx.db, row!.id);
    if (!this.cityAdmin) throw new Error('no city admin');
    return this.cityAdmin;
  }
}

async function proposeDuplicate(q: Queryable, caseId: string, candidateId: string, at: Date): Promise<void> {
  await q.query(
    `INSERT INTO case_duplicate_proposals (case_id, candidate_case_id, score, reasons, created_at) VALUES ($1, $2, 0.9, '[]'::jsonb, $3) ON CONFLICT DO NOTHING`,
    [caseId, candidateId, at],
  );
}

/**
 * One fingerprint of every table's rows (sessions excepted: every request touches its own), to prove a refused
 * request changed nothing. Returns table → "count:md5".
 */
export async function snapshotDatabase(q: Queryable): Promise<Record<string, string>> {
  const tables = await q.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('staff_sessions') ORDER BY table_name",
  );
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t.name}' AS name, count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t.name}" x`,
    )
    .join(' UNION ALL ');
  const rows = await q.query<{ name: string; n: number; h: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.h}`]));
}
