import { isInsideCity } from '../place/city-bounds.ts';
import type { WardBoundary } from '../triage/resolve-place.ts';
import { geoError, type GeoReportError } from './errors.ts';

/** What a service's definition declares, as far as validating a POST needs it. */
export type AttributeRule = { code: string; required: boolean; values: readonly string[] | null };

/** A POST requests body, checked. Contact fields stay private: they never appear in GET responses. */
export type ServiceRequestInput = {
  apiKey: string;
  serviceCode: string;
  location: { lat: number; lng: number } | null;
  addressString: string | null;
  addressId: string | null;
  description: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  deviceId: string | null;
  accountId: string | null;
  mediaUrl: string | null;
  attributes: Record<string, string | string[]>;
};

/** Form fields as sent: a field may repeat (multivaluelist attributes). */
export type FormFields = { get(name: string): string | null; getAll(name: string): string[]; keys(): Iterable<string> };

const MAX_DESCRIPTION = 4000;
const MAX_FIELD = 500;
// The spec forbids HTML and code in text fields; reject anything that looks like a tag, a script URL or an entity.
const MARKUP_RE = /<\s*[a-z!/?]|javascript\s*:|&#?[a-z0-9]+;/iu;
const EMAIL_RE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/u;
const TEXT_FIELDS = ['description', 'address_string', 'address_id', 'first_name', 'last_name', 'phone', 'email', 'device_id', 'account_id'] as const;

/** Present but empty counts as absent (GeoReport v2 conventions). */
const value = (f: FormFields, name: string): string | null => {
  const v = f.get(name)?.trim();
  return v ? v : null;
};

/**
 * Checks a POST requests form against GeoReport v2 and our rules: service known (404 otherwise), a location
 * (lat+long inside the city, or an address), description ≤ 4,000 characters, no markup in any text field,
 * required attributes present and list values among the declared keys. The API key is only read here; the
 * command checks it. Returns every problem found, or the input.
 */
export function parseServiceRequest(
  f: FormFields,
  service: { code: string; attributes: readonly AttributeRule[] } | undefined,
  wards: readonly WardBoundary[],
): { ok: true; input: ServiceRequestInput } | { ok: false; errors: GeoReportError[] } {
  const errors: GeoReportError[] = [];
  const serviceCode = value(f, 'service_code');
  if (!serviceCode) errors.push(geoError(400, 'error.serviceCodeMissing'));
  else if (!service) return { ok: false, errors: [geoError(404, 'error.serviceCodeUnknown')] };

  for (const name of TEXT_FIELDS) {
    const v = value(f, name);
    if (v === null) continue;
    if (MARKUP_RE.test(v)) errors.push(geoError(400, 'error.markupNotAllowed', name));
    else if (name === 'description' ? v.length > MAX_DESCRIPTION : v.length > MAX_FIELD) {
      errors.push(name === 'description' ? geoError(400, 'error.descriptionTooLong') : geoError(400, 'error.fieldTooLong', name));
    }
  }

  const location = parseLocation(f, wards, errors);
  const addressString = value(f, 'address_string');
  const addressId = value(f, 'address_id');
  if (location === undefined && !addressString && !addressId && !errors.some((e) => e.key.startsWith('error.location'))) {
    errors.push(geoError(400, 'error.locationMissing'));
  }

  const email = value(f, 'email');
  if (email && !EMAIL_RE.test(email)) errors.push(geoError(400, 'error.emailInvalid'));
  const mediaUrl = value(f, 'media_url');
  if (mediaUrl && (!/^https?:\/\/[^\s<>"]+$/iu.test(mediaUrl) || mediaUrl.length > 2000)) errors.push(geoError(400, 'error.mediaUrlInvalid'));

  const attributes = parseAttributes(f, service?.attributes ?? [], errors);
  if (errors.length > 0 || !serviceCode) return { ok: false, errors };

  const name = [value(f, 'last_name'), value(f, 'first_name')].filter(Boolean).join(' ') || null;
  return {
    ok: true,
    input: {
      apiKey: value(f, 'api_key') ?? '',
      serviceCode,
      location: location ?? null,
      addressString,
      addressId,
      description: value(f, 'description'),
      contact: { name, phone: value(f, 'phone'), email },
      deviceId: value(f, 'device_id'),
      accountId: value(f, 'account_id'),
      mediaUrl,
      attributes,
    },
  };
}

/** undefined: no coordinates given; pushes an error for half or bad coordinates or a point outside the city. */
function parseLocation(f: FormFields, wards: readonly WardBoundary[], errors: GeoReportError[]): { lat: number; lng: number } | undefined {
  const lat = value(f, 'lat');
  const lng = value(f, 'long');
  if (lat === null && lng === null) return undefined;
  const p = { lat: Number(lat), lng: Number(lng) };
  const isNumber = (s: string | null) => s !== null && /^[+-]?\d{1,3}(\.\d+)?$/u.test(s);
  if (!isNumber(lat) || !isNumber(lng) || Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180) {
    errors.push(geoError(400, 'error.locationInvalid'));
    return undefined;
  }
  if (!isInsideCity(p, wards)) {
    errors.push(geoError(400, 'error.locationOutside'));
    return undefined;
  }
  return p;
}

/** attribute[code]=v and attribute[code][]=v1&attribute[code][]=v2 (FixMyStreet and the spec's forms). */
function parseAttributes(f: FormFields, rules: readonly AttributeRule[], errors: GeoReportError[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(f.keys())) {
    const m = /^attribute\[([^\]]{1,100})\](\[\])?$/u.exec(key);
    if (!m?.[1]) continue;
    const values = f.getAll(key).map((v) => v.trim()).filter(Boolean);
    if (values.length === 0) continue;
    if (values.some((v) => MARKUP_RE.test(v) || v.length > MAX_FIELD)) {
      errors.push(geoError(400, 'error.markupNotAllowed', `attribute[${m[1]}]`));
      continue;
    }
    out[m[1]] = m[2] ? values : (values[0] as string);
  }
  for (const rule of rules) {
    const given = out[rule.code];
    if (given === undefined) {
      if (rule.required) errors.push(geoError(400, 'error.attributeRequired', rule.code));
      continue;
    }
    const list = Array.isArray(given) ? given : [given];
    if (rule.values && list.some((v) => !rule.values?.includes(v))) errors.push(geoError(400, 'error.attributeValue', rule.code));
  }
  return out;
}
