import type { Locale } from '../../../contracts/enums.ts';
import type { StaffNotificationRow } from '../db/repositories/staff-notifications.repo.ts';
import { formatVietnamTime } from '../domain/deadline/local-date.ts';

/** `17:00 24/02/2026` in Vietnam time. */
function formatDue(at: Date | null): string {
  if (!at) return '—';
  const iso = formatVietnamTime(at);
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const LEVEL: Record<Locale, Record<number, string>> = {
  vi: { 2: 'đơn vị cấp trên', 3: 'lãnh đạo Thành phố' },
  en: { 2: 'the parent unit', 3: 'city administrators' },
};

/** The text of a staff notification in the console, Vietnamese first. */
export function renderStaffNotification(n: Pick<StaffNotificationRow, 'kind' | 'level' | 'dueAt' | 'data'>, locale: Locale): string {
  const code = n.data.trackingCode ?? '';
  const unit = n.data.unitName ?? '';
  const due = formatDue(n.dueAt);
  switch (n.kind) {
    case 'deadline.due_soon':
      return locale === 'vi' ? `Hồ sơ ${code} (${unit}) sắp đến hạn xử lý: hạn ${due}.` : `Case ${code} (${unit}) is due soon: due ${due}.`;
    case 'deadline.overdue':
      return locale === 'vi' ? `Hồ sơ ${code} (${unit}) đã quá hạn xử lý (hạn ${due}).` : `Case ${code} (${unit}) is overdue (was due ${due}).`;
    case 'deadline.escalated':
      return locale === 'vi'
        ? `Hồ sơ ${code} (${unit}) quá hạn từ ${due}, chuyển ${LEVEL.vi[n.level] ?? 'cấp trên'} theo dõi.`
        : `Case ${code} (${unit}) has been overdue since ${due}; escalated to ${LEVEL.en[n.level] ?? 'the next level'}.`;
    case 'note.mention':
      return locale === 'vi' ? `${n.data.byName ?? ''} nhắc đến bạn trong ghi chú hồ sơ ${code} (${unit}).` : `${n.data.byName ?? ''} mentioned you in a note on case ${code} (${unit}).`;
  }
}
