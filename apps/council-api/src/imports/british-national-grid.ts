/**
 * British National Grid easting/northing (OSGB36, metres) to WGS84 latitude/longitude, as in
 * Ordnance Survey's "A guide to coordinate systems in Great Britain": the transverse Mercator
 * inverse on the Airy 1830 ellipsoid (appendix C), then the OSGB36 → WGS84 Helmert
 * transformation (section 6.6), good to a few metres: plenty for a map pin or a distance sort,
 * and what OS says a Helmert can do (OSTN15 would be centimetres, but is a 15 MB grid).
 */

const AIRY = { a: 6_377_563.396, b: 6_356_256.909 };
const GRS80 = { a: 6_378_137, b: 6_356_752.3141 };
/** National Grid projection: scale on the central meridian, true origin (49°N, 2°W), false origin. */
const F0 = 0.9996012717;
const PHI0 = (49 * Math.PI) / 180;
const LAMBDA0 = (-2 * Math.PI) / 180;
const E0 = 400_000;
const N0 = -100_000;

/** OSGB36 → WGS84 (OS's guide, table 6.6): translations in metres, scale in ppm, rotations in seconds. */
const HELMERT = { tx: 446.448, ty: -125.157, tz: 542.06, s: -20.4894, rx: 0.1502, ry: 0.247, rz: 0.8421 };

const SECOND = Math.PI / (180 * 3600);

/** Meridional arc from the true origin's latitude to `phi` (OS's guide, C.3 equation). */
function meridionalArc(phi: number, b: number, n: number): number {
  const n2 = n * n;
  const n3 = n2 * n;
  const d = phi - PHI0;
  const s = phi + PHI0;
  return (
    b *
    F0 *
    ((1 + n + (5 / 4) * n2 + (5 / 4) * n3) * d -
      (3 * n + 3 * n2 + (21 / 8) * n3) * Math.sin(d) * Math.cos(s) +
      ((15 / 8) * n2 + (15 / 8) * n3) * Math.sin(2 * d) * Math.cos(2 * s) -
      (35 / 24) * n3 * Math.sin(3 * d) * Math.cos(3 * s))
  );
}

/** National Grid easting/northing to OSGB36 latitude/longitude in radians (OS's guide, C.2). */
export function gridToOsgb36(easting: number, northing: number): { phi: number; lambda: number } {
  const { a, b } = AIRY;
  const e2 = 1 - (b * b) / (a * a);
  const n = (a - b) / (a + b);
  let phi = PHI0;
  let m = 0;
  do {
    phi = (northing - N0 - m) / (a * F0) + phi;
    m = meridionalArc(phi, b, n);
  } while (Math.abs(northing - N0 - m) >= 0.00001);

  const sin = Math.sin(phi);
  const cos = Math.cos(phi);
  const tan = Math.tan(phi);
  const nu = (a * F0) / Math.sqrt(1 - e2 * sin * sin);
  const rho = (a * F0 * (1 - e2)) / Math.pow(1 - e2 * sin * sin, 1.5);
  const eta2 = nu / rho - 1;
  const tan2 = tan * tan;
  const tan4 = tan2 * tan2;
  const sec = 1 / cos;

  const VII = tan / (2 * rho * nu);
  const VIII = (tan / (24 * rho * nu ** 3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
  const IX = (tan / (720 * rho * nu ** 5)) * (61 + 90 * tan2 + 45 * tan4);
  const X = sec / nu;
  const XI = (sec / (6 * nu ** 3)) * (nu / rho + 2 * tan2);
  const XII = (sec / (120 * nu ** 5)) * (5 + 28 * tan2 + 24 * tan4);
  const XIIA = (sec / (5040 * nu ** 7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan4 * tan2);

  const de = easting - E0;
  return {
    phi: phi - VII * de ** 2 + VIII * de ** 4 - IX * de ** 6,
    lambda: LAMBDA0 + X * de - XI * de ** 3 + XII * de ** 5 - XIIA * de ** 7,
  };
}

/** Latitude/longitude (radians, height 0) on an ellipsoid to earth-centred cartesian metres (OS's guide, B.1). */
function toCartesian(phi: number, lambda: number, { a, b }: { a: number; b: number }): [number, number, number] {
  const e2 = 1 - (b * b) / (a * a);
  const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return [nu * Math.cos(phi) * Math.cos(lambda), nu * Math.cos(phi) * Math.sin(lambda), (1 - e2) * nu * Math.sin(phi)];
}

/** Earth-centred cartesian metres back to latitude/longitude in radians (OS's guide, B.2, iterated). */
function fromCartesian([x, y, z]: [number, number, number], { a, b }: { a: number; b: number }): { phi: number; lambda: number } {
  const e2 = 1 - (b * b) / (a * a);
  const p = Math.sqrt(x * x + y * y);
  let phi = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const nu = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
    const next = Math.atan2(z + e2 * nu * Math.sin(phi), p);
    if (Math.abs(next - phi) < 1e-12) return { phi: next, lambda: Math.atan2(y, x) };
    phi = next;
  }
  return { phi, lambda: Math.atan2(y, x) };
}

/** The seven-parameter Helmert transformation (OS's guide, 6.2), small-angle form. */
function helmert([x, y, z]: [number, number, number]): [number, number, number] {
  const { tx, ty, tz } = HELMERT;
  const s = HELMERT.s * 1e-6;
  const rx = HELMERT.rx * SECOND;
  const ry = HELMERT.ry * SECOND;
  const rz = HELMERT.rz * SECOND;
  return [tx + (1 + s) * x - rz * y + ry * z, ty + rz * x + (1 + s) * y - rx * z, tz - ry * x + rx * y + (1 + s) * z];
}

/** A point in WGS84 degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * British National Grid easting/northing (metres) to WGS84 latitude/longitude in degrees,
 * rounded to 6 decimal places (about 10 cm, finer than the transformation's few metres).
 */
export function gridToWgs84(easting: number, northing: number): LatLng {
  const osgb = gridToOsgb36(easting, northing);
  const wgs = fromCartesian(helmert(toCartesian(osgb.phi, osgb.lambda, AIRY)), GRS80);
  const round = (radians: number) => Math.round(((radians * 180) / Math.PI) * 1e6) / 1e6;
  return { lat: round(wgs.phi), lng: round(wgs.lambda) };
}

/** True for an easting/northing pair inside the National Grid's extent (Great Britain and its islands). */
export function onNationalGrid(easting: number, northing: number): boolean {
  return Number.isFinite(easting) && Number.isFinite(northing) && easting >= 0 && easting <= 700_000 && northing >= 0 && northing <= 1_300_000;
}
