import { findLeaf, type RepairCatalogue, type RepairLocation, type RepairProperty, type Reporter, type CommunalRepair } from '@council-kit/contracts';

/**
 * The catalogue as one reporter sees it. Leaseholders look after most repairs inside their own
 * home, so they see only the repairs they may report (usually the shared areas); tenants see
 * every repair, and a leaf they cannot report leads to a page that says why.
 */
export function visibleLocations(catalogue: RepairCatalogue, reporter: Reporter): RepairLocation[] {
  if (reporter === 'tenant') return catalogue.locations;
  return catalogue.locations
    .map((l) => ({ ...l, problems: l.problems.map((p) => ({ ...p, leaves: p.leaves.filter((leaf) => leaf.eligibility.leaseholder) })).filter((p) => p.leaves.length) }))
    .filter((l) => l.problems.length);
}

/**
 * Repairs already reported in the block's shared area the resident chose, so neighbours do not
 * report the same one twice. A repair whose leaf is not in this catalogue is listed anyway:
 * better a list one line too long than a duplicate.
 */
export function alreadyReported(catalogue: RepairCatalogue, property: RepairProperty, locationId: string): CommunalRepair[] {
  return property.communalRepairs.filter(
    (r) => r.status !== 'cancelled' && r.status !== 'completed' && (findLeaf(catalogue, r.leafId)?.location.id ?? locationId) === locationId,
  );
}
