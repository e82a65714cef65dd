import type { StaffUser } from '../../../../contracts/api.ts';
import type { StaffRow } from '../../db/repositories/staff.repo.ts';

export function presentStaff(s: StaffRow): StaffUser {
  return { id: s.id, email: s.email, name: s.name, role: s.role, unit: { code: s.unitCode, name: s.unitName } };
}
