/** A point in WGS84 decimal degrees. */
export interface Point {
  lat: number;
  lng: number;
}

export const EARTH_RADIUS_M = 6_371_000;
const METRES_PER_DEGREE = (Math.PI / 180) * EARTH_RADIUS_M;
const rad = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function haversineMetres(a: Point, b: Point): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/**
 * The smallest latitude/longitude box holding every point within `metres` of `centre`: a cheap
 * indexed range query that the exact (haversine) test then narrows. A little slack is added so
 * rounding never drops a point that is just inside the circle.
 */
export function boundingBox(centre: Point, metres: number): BoundingBox {
  const dLat = (metres / METRES_PER_DEGREE) * 1.001;
  const dLng = dLat / Math.max(Math.cos(rad(Math.min(89, Math.abs(centre.lat) + dLat))), 1e-6);
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

/** cos(latitude): scales longitude differences to latitude-sized ones for nearest-first ordering. */
export const longitudeScale = (centre: Point): number => Math.cos(rad(centre.lat));
