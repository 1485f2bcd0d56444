import { sql, type RawBuilder } from 'kysely';
import { dialectOf, type CouncilDb } from '../db/database.js';
import { boundingBox, type Point } from './geo.js';

/**
 * Which spatial index finds the locations near a point (migration 0013): SQLite's R*Tree; on
 * PostgreSQL the GiST index on `ll_to_earth()` when `cube` and `earthdistance` could be
 * created, else the latitude/longitude B-tree of migration 0003. Each is a box that holds the
 * circle; the caller keeps the points really inside it (haversine).
 */
export type SpatialIndex = 'rtree' | 'earth' | 'btree';

const known = new WeakMap<CouncilDb, Promise<SpatialIndex>>();

/** The index this database has, asked once per connection pool (it only changes with a migration). */
export function spatialIndex(db: CouncilDb): Promise<SpatialIndex> {
  let index = known.get(db);
  if (!index) {
    index =
      dialectOf(db) === 'sqlite'
        ? Promise.resolve('rtree')
        : sql<{ n: number }>`select count(*)::int as n from pg_indexes where indexname = 'locations_earth_idx'`
            .execute(db)
            .then((result) => (Number(result.rows[0]?.n) > 0 ? 'earth' : 'btree'));
    known.set(db, index);
  }
  return index;
}

/**
 * Earth radius `ll_to_earth()` uses (earthdistance's `earth()`), a little larger than the
 * haversine's: the box is widened by the difference and a margin, so it never cuts the circle.
 */
const EARTH_BOX_SLACK = 1.01;

/** Condition on locations `l`: inside the box around the circle of `metres` about `centre`, through the spatial index. */
export async function nearCondition(db: CouncilDb, centre: Point, metres: number): Promise<RawBuilder<boolean>> {
  const index = await spatialIndex(db);
  if (index === 'earth') {
    return sql<boolean>`l.latitude is not null and l.longitude is not null
      and earth_box(ll_to_earth(${centre.lat}, ${centre.lng}), ${metres * EARTH_BOX_SLACK}) @> ll_to_earth(l.latitude, l.longitude)`;
  }
  const box = boundingBox(centre, metres);
  if (index === 'rtree') {
    // R*Tree boxes are 32-bit floats rounded outwards: an overlap test keeps every point inside.
    return sql<boolean>`l.rowid in (select id from locations_rtree
      where max_lat >= ${box.minLat} and min_lat <= ${box.maxLat} and max_lng >= ${box.minLng} and min_lng <= ${box.maxLng})`;
  }
  return sql<boolean>`l.latitude >= ${box.minLat} and l.latitude <= ${box.maxLat} and l.longitude >= ${box.minLng} and l.longitude <= ${box.maxLng}`;
}
