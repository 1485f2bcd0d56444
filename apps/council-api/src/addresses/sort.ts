/** The two address lines a sort needs: line1 names a flat or building when line2 is present. */
export interface AddressLines {
  line1: string;
  line2: string | null;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
const NUMBERED = /^(\d+)([A-Za-z]?)\s+(.+)$/;

interface SortKey {
  street: string;
  number: number;
  suffix: string;
  subBuilding: string;
}

function keyOf({ line1, line2 }: AddressLines): SortKey {
  const streetLine = line2 ?? line1;
  const match = NUMBERED.exec(streetLine);
  return {
    street: match?.[3] ?? streetLine,
    // Named buildings with no number go after the numbered ones on their street.
    number: match ? Number(match[1]) : Number.POSITIVE_INFINITY,
    suffix: match?.[2]?.toUpperCase() ?? '',
    subBuilding: line2 === null ? '' : line1,
  };
}

/**
 * Orders addresses the way a resident scans them: by street, then house number numerically
 * ("2 High Street" before "10 High Street", "9" before "9A"), then the flats or businesses at
 * that number together, themselves in natural order ("Flat 2" before "Flat 10").
 */
export function compareAddresses(a: AddressLines, b: AddressLines): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  return (
    collator.compare(ka.street, kb.street) ||
    (ka.number === kb.number ? 0 : ka.number < kb.number ? -1 : 1) ||
    collator.compare(ka.suffix, kb.suffix) ||
    collator.compare(ka.subBuilding, kb.subBuilding) ||
    collator.compare(`${a.line1} ${a.line2 ?? ''}`, `${b.line1} ${b.line2 ?? ''}`)
  );
}

/** A sorted copy of `addresses`. */
export function sortAddresses<T extends AddressLines>(addresses: readonly T[]): T[] {
  return [...addresses].sort(compareAddresses);
}
