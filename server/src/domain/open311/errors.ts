/** A GeoReport v2 error before formatting: the HTTP status the spec requires and a message key (i18n). */
export type GeoReportError = { status: 400 | 403 | 404; key: string; field?: string };

export const geoError = (status: GeoReportError['status'], key: string, field?: string): GeoReportError => (field ? { status, key, field } : { status, key });
