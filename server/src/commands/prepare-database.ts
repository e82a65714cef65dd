import type { StaffRole } from '../../../contracts/enums.ts';
import type { Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { countStaff } from '../db/repositories/staff.repo.ts';
import { upsertAckTemplate, findAckTemplate } from '../db/repositories/templates.repo.ts';
import { findUnitByCode } from '../db/repositories/units.repo.ts';
import { seedCalendar } from '../db/seed/seed-calendar.ts';
import { seedCity } from '../db/seed/seed-city.ts';
import { seedRoutingRules } from '../db/repositories/routing.repo.ts';
import { seedProcedures } from '../db/seed/seed-procedures.ts';
import { DEFAULT_ACK_TEMPLATES } from '../i18n/messages.ts';
import type { CommandContext } from './context.ts';
import { createStaffUser } from './create-staff-user.ts';

export type DemoAccount = { email: string; name: string; role: StaffRole; unitCode: string; password: string };

const DEMO_ACCOUNTS: Omit<DemoAccount, 'password'>[] = [
  { email: 'admin@gandan.local', name: 'Quản trị Thành phố', role: 'city_admin', unitCode: '79' },
  { email: 'truongphong.saigon@gandan.local', name: 'Lê Thị Hoa', role: 'unit_admin', unitCode: '26740' },
  { email: 'canbo.saigon@gandan.local', name: 'Nguyễn Văn An', role: 'officer', unitCode: '26740' },
  { email: 'canbo.linhxuan@gandan.local', name: 'Trần Minh Khoa', role: 'officer', unitCode: '26800' },
  { email: 'canbo.soxaydung@gandan.local', name: 'Phạm Quốc Bảo', role: 'officer', unitCode: 'SXD' },
];

/** Migrates and seeds the city (idempotent). Returns the migrations applied. */
export async function prepareDatabase(db: Db): Promise<{ migrations: string[] }> {
  const migrations = await migrate(db);
  await seedCity(db);
  await seedCalendar(db);
  await seedRoutingRules(db, new Date());
  await seedProcedures(db);
  const city = await findUnitByCode(db, '79');
  for (const locale of ['vi', 'en'] as const) {
    if (city && !(await findAckTemplate(db, city.id, locale))) {
      await upsertAckTemplate(db, { unitId: null, locale, body: DEFAULT_ACK_TEMPLATES[locale], at: new Date(), staffId: null });
    }
  }
  return { migrations };
}

/**
 * On a database with no staff at all, creates the demo accounts with fresh random passwords (or the given
 * ones) and returns them so they can be printed once. Returns [] when staff already exist.
 */
export async function createDemoAccounts(ctx: CommandContext, passwords?: Record<string, string>): Promise<DemoAccount[]> {
  if ((await countStaff(ctx.db)) > 0) return [];
  const created: DemoAccount[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const { password } = await createStaffUser(ctx, { ...a, password: passwords?.[a.email] });
    created.push({ ...a, password });
  }
  return created;
}
