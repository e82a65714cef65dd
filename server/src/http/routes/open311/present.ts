import type { Locale } from '../../../../../contracts/enums.ts';
import type { GeoReportService } from '../../../channels/open311/services.ts';
import { SEVERITY_ATTRIBUTE, SERVICES_CHANGESET } from '../../../channels/open311/services.ts';
import type { PublicRequestRow } from '../../../db/repositories/open311.repo.ts';
import { publicDescription, roundCoordinate } from '../../../domain/open311/public-text.ts';
import { toGeoReportStatus } from '../../../domain/open311/status.ts';
import { open311Text, statusNoteKey } from '../../../i18n/open311-messages.ts';

const CITY_OFFSET_MS = 7 * 3_600_000;

/** W3C date-time in Ho Chi Minh City time (UTC+7, no daylight saving), e.g. 2026-11-02T09:00:00+07:00. */
export function toCityDateTime(d: Date): string {
  return `${new Date(d.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** One GeoReport `request`: public fields only (no reporter data; description and address redacted). */
export function presentRequest(r: PublicRequestRow, locale: Locale, service: GeoReportService | undefined) {
  const status = toGeoReportStatus(r.status);
  return {
    service_request_id: r.id,
    status,
    status_notes: open311Text(locale, statusNoteKey(r.status)),
    service_name: service?.service_name ?? null,
    service_code: r.serviceCode,
    description: r.description ? publicDescription(r.description) : null,
    agency_responsible: r.unitName,
    service_notice: null,
    requested_datetime: toCityDateTime(r.createdAt),
    updated_datetime: toCityDateTime(status === 'closed' && r.closedAt ? r.closedAt : r.updatedAt),
    expected_datetime: null,
    address: r.address ? publicDescription(r.address) : null,
    address_id: null,
    zipcode: null,
    lat: r.lat === null ? null : roundCoordinate(r.lat),
    long: r.lng === null ? null : roundCoordinate(r.lng),
    media_url: r.mediaUrl,
  };
}

/** GET services/<code>: the severity question every service asks. */
export function presentServiceDefinition(serviceCode: string, locale: Locale) {
  return {
    service_code: serviceCode,
    attributes: [
      {
        variable: true,
        code: SEVERITY_ATTRIBUTE.code,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: open311Text(locale, 'attribute.severity.datatypeDescription'),
        order: 1,
        description: open311Text(locale, 'attribute.severity.description'),
        values: [
          { key: 'nguy_hiem', name: open311Text(locale, 'attribute.severity.danger') },
          { key: 'binh_thuong', name: open311Text(locale, 'attribute.severity.normal') },
        ],
      },
    ],
  };
}

export function presentDiscovery(publicUrl: string, locale: Locale) {
  return {
    changeset: SERVICES_CHANGESET,
    contact: open311Text(locale, 'discovery.contact'),
    key_service: open311Text(locale, 'discovery.keyService'),
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${publicUrl.replace(/\/$/u, '')}/open311/v2`,
        changeset: SERVICES_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** The case text staff read: the description, then the attribute answers in words. */
export function caseTextOf(description: string | null, attributes: Record<string, string | string[]>, locale: Locale): string {
  const lines = [description ?? open311Text(locale, 'text.noDescription')];
  const severity = attributes[SEVERITY_ATTRIBUTE.code];
  if (severity === 'nguy_hiem' || severity === 'binh_thuong') {
    const label = open311Text(locale, severity === 'nguy_hiem' ? 'attribute.severity.danger' : 'attribute.severity.normal');
    lines.push(`${open311Text(locale, 'text.severity')}: ${label}`);
  }
  return lines.join('\n');
}
