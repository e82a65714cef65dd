import { readFileSync } from 'node:fs';
import type { Locale } from '../../../../contracts/enums.ts';
import type { AttributeRule } from '../../domain/open311/request-input.ts';

/**
 * GeoReport v2 services = our feedback categories (reference-data/feedback/categories.json, part B):
 * service_code is the category code, names and keywords come from the data in Vietnamese (English names
 * with ?locale=en; keywords exist only in Vietnamese). Every service is `realtime`: a case and its id exist as
 * soon as the POST returns.
 */
type CategoryJson = { code: string; vi: string; en: string; maps_to_1022: string; keywords: string[] };

const CATEGORIES: CategoryJson[] = (
  JSON.parse(readFileSync(new URL('../../../../reference-data/feedback/categories.json', import.meta.url), 'utf8')) as { B_proposed_categories: CategoryJson[] }
).B_proposed_categories;

/** Bump when services or their definitions change: clients refresh cached lists (Service Discovery). */
export const SERVICES_CHANGESET = '2026-11-28T00:00:00Z';

/** The one attribute every service declares: how dangerous it is (answers go into the case text for staff). */
export const SEVERITY_ATTRIBUTE = { code: 'muc_do', values: ['nguy_hiem', 'binh_thuong'] } as const;

export type GeoReportService = {
  service_code: string;
  service_name: string;
  description: string | null;
  metadata: boolean;
  type: 'realtime';
  keywords: string | null;
  group: string | null;
};

export function listServices(locale: Locale): GeoReportService[] {
  return CATEGORIES.map((c) => ({
    service_code: c.code,
    service_name: locale === 'en' ? c.en : c.vi,
    description: null,
    metadata: true,
    type: 'realtime',
    keywords: c.keywords.length > 0 ? c.keywords.join(', ') : null,
    // The Cổng 1022 field the category maps to; notes in parentheses are ours, not a group.
    group: c.maps_to_1022.startsWith('(') ? null : c.maps_to_1022,
  }));
}

export function findService(code: string, locale: Locale): GeoReportService | undefined {
  return listServices(locale).find((s) => s.service_code === code);
}

/** What POST validation needs to know about a service's attributes. */
export function serviceRules(code: string): { code: string; attributes: AttributeRule[] } | undefined {
  if (!CATEGORIES.some((c) => c.code === code)) return undefined;
  return { code, attributes: [{ code: SEVERITY_ATTRIBUTE.code, required: false, values: SEVERITY_ATTRIBUTE.values }] };
}
