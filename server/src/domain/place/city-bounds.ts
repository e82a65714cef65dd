import { findUnitAtPoint, type WardBoundary } from '../triage/resolve-place.ts';

/**
 * The bounding box of Ho Chi Minh City after 2025-07-01 (mainland and Côn Đảo), from
 * reference-data/admin-units/geo/hcmc-boundary-2025.geojson, widened by about 1 km. A quick first check for map
 * points; the ward is found by point-in-polygon on the ward boundaries.
 */
const BOUNDS = { minLat: 8.62, maxLat: 11.52, minLng: 106.31, maxLng: 107.58 } as const;

export function isInsideCityBounds(p: { lat: number; lng: number }): boolean {
  return p.lat >= BOUNDS.minLat && p.lat <= BOUNDS.maxLat && p.lng >= BOUNDS.minLng && p.lng <= BOUNDS.maxLng;
}

/**
 * Inside one of the city's 2025 ward/commune polygons. The bounding box alone also takes in parts of Đồng Nai,
 * Tây Ninh and open sea (Biên Hòa is inside it), so public intake (portal, Open311) checks the polygons.
 */
export function isInsideCity(p: { lat: number; lng: number }, wards: readonly WardBoundary[]): boolean {
  return isInsideCityBounds(p) && findUnitAtPoint(p.lat, p.lng, [...wards]) !== undefined;
}
