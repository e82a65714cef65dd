import type { Locale } from '../../../../../contracts/enums.ts';
import type { GeoReportService } from '../../../channels/open311/services.ts';
import { SEVERITY_ATTRIBUTE, SERVICES_CHANGESET } from '../../../channels/open311/services.ts';
import type { PublicRequestRow } from '../../../db/repositories/open311.repo.ts';
import { blurCoordinate } from '../../../domain/public/map-geometry.ts';
import { isReportContentPublic, publicReportText } from '../../../domain/public/public-problem-text.ts';
import { toGeoReportStatus } from '../../../domain/open311/status.ts';
import { open311Text, statusNoteKey } from '../../../i18n/open311-messages.ts';

const CITY_OFFSET_MS = 7 * 3_600_000;

/** W3C date-time in Ho Chi Minh City time (UTC+7, no daylight saving), e.g. 2026-11-02T09:00:00+07:00. */
export function toCityDateTime(d: Date): string {
  return `${new Date(d.getTime() + CITY_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/**
 * One GeoReport `request` under the public-report policy shared with the map (docs/domain/transparency.md):
 * no reporter data, description and address redacted (`publicReportText`), the point blurred to ~50 m,
 * `media_url` only for a photo an officer approved; nothing of a rejected case beyond its status.
 */
export function presentRequest(r: PublicRequestRow, locale: Locale, service: GeoReportService | undefined, publicUrl: string) {
  const status = toGeoReportStatus(r.status);
  const isContentPublic = isReportContentPublic(r.status);
  return {
    service_request_id: r.id,
    status,
    status_notes: open311Text(locale, statusNoteKey(r.status)),
    service_name: service?.service_name ?? null,
    service_code: r.serviceCode,
    description: isContentPublic && r.description ? publicReportText(r.description, r.contact) : null,
    agency_responsible: r.unitName,
    service_notice: null,
    requested_datetime: toCityDateTime(r.createdAt),
    updated_datetime: toCityDateTime(status === 'closed' && r.closedAt ? r.closedAt : r.updatedAt),
    expected_datetime: null,
    address: isContentPublic && r.address ? publicReportText(r.address, r.contact) : null,
    address_id: null,
    zipcode: null,
    lat: r.lat === null ? null : blurCoordinate(r.lat),
    long: r.lng === null ? null : blurCoordinate(r.lng),
    media_url: isContentPublic && r.publicPhotoId ? `${publicUrl.replace(/\/$/u, '')}/api/public/photos/${r.publicPhotoId}` : null,
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
