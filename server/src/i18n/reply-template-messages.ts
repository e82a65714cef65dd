import type { Locale } from '../../../contracts/enums.ts';
import type { ReplyTemplateVariable } from '../domain/message/reply-template.ts';

/** What stands in the reply for a value the case does not have, so the officer sees what to fill in. */
export const MISSING_VALUE: Record<Locale, Record<ReplyTemplateVariable, string>> = {
  vi: {
    citizenName: '[chưa có tên người dân]',
    formOfAddress: '[chưa có cách xưng hô]',
    trackingCode: '[chưa có mã hồ sơ]',
    trackUrl: '[chưa có đường dẫn tra cứu]',
    unitName: '[chưa có tên đơn vị]',
    dueDate: '[chưa có hạn xử lý]',
    procedureName: '[chưa xác định thủ tục]',
    procedureDocuments: '[chưa xác định thủ tục nên chưa có danh sách giấy tờ]',
    staffName: '[chưa có tên cán bộ]',
  },
  en: {
    citizenName: '[citizen’s name unknown]',
    formOfAddress: '[form of address unknown]',
    trackingCode: '[no tracking code]',
    trackUrl: '[no tracking link]',
    unitName: '[no unit name]',
    dueDate: '[no due date yet]',
    procedureName: '[procedure not identified]',
    procedureDocuments: '[procedure not identified, so no list of documents]',
    staffName: '[no staff name]',
  },
};

/**
 * How a reply addresses the citizen. Vietnamese administrative letters say "ông/bà" before the name since the
 * gender is not recorded; without a name, "ông/bà" alone.
 */
export function formOfAddress(locale: Locale, name: string | null): string {
  if (locale === 'vi') return name ? `ông/bà ${name}` : 'ông/bà';
  return name ?? 'Sir or Madam';
}
