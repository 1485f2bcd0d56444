/**
 * Address lines the GOV.UK way (the design system's address pattern, as councils' LLPGs hold
 * BS 7666 addresses): secondary addressable object (the flat), then primary (the building's
 * name or number), then the street; in title case when the source shouts in capitals, as
 * AddressBase and most LLPG extracts do.
 */

/** The BS 7666 parts of an address, as an LLPG or AddressBase holds them (all optional but the street). */
export interface AddressParts {
  saoStartNumber?: string;
  saoStartSuffix?: string;
  saoEndNumber?: string;
  saoEndSuffix?: string;
  saoText?: string;
  paoStartNumber?: string;
  paoStartSuffix?: string;
  paoEndNumber?: string;
  paoEndSuffix?: string;
  paoText?: string;
  street?: string;
  locality?: string;
}

// Words kept lower case inside a place or street name ("Stoke-on-Trent", "Newcastle upon Tyne").
const SMALL = new Set(['on', 'upon', 'in', 'by', 'the', 'under', 'le', 'de', 'next', 'and', 'of', 'y', 'yr']);

const cache = new Map<string, string>();

/**
 * Title case for text written in capitals: "HIGH STREET" → "High Street", "ST. JOHN'S ROAD" →
 * "St. John's Road", "STOKE-ON-TRENT" → "Stoke-on-Trent", "12A" stays "12A". Text already in
 * mixed case is the council's own spelling and is kept.
 */
export function titleCase(text: string): string {
  let cased = cache.get(text);
  if (cased === undefined) {
    // Streets, towns and "FLAT 1" repeat across a file: remembered, they are cased once.
    if (cache.size >= 50_000) cache.clear();
    cache.set(text, (cased = toTitleCase(text)));
  }
  return cased;
}

function toTitleCase(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed
    .toLowerCase()
    .split(' ')
    .map((word, w) =>
      word
        .split('-')
        .map((part, p) => {
          if ((w > 0 || p > 0) && SMALL.has(part)) return part;
          // A letter after a digit is a suffix ("12a" → "12A"); "Mc" and "O'" names keep their capital.
          return part
            .replace(/^(\d+)([a-z]+)$/, (_, n: string, s: string) => n + s.toUpperCase())
            .replace(/^(mc|o')(\p{Ll})/u, (_, pre: string, c: string) => pre[0]!.toUpperCase() + pre.slice(1) + c.toUpperCase())
            .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
        })
        .join('-'),
    )
    .join(' ');
}

/** "12", "12A", "12-14", "12A-12C": a BS 7666 number range. */
function range(start?: string, startSuffix?: string, end?: string, endSuffix?: string): string {
  const first = `${start?.trim() ?? ''}${startSuffix?.trim().toUpperCase() ?? ''}`;
  const last = `${end?.trim() ?? ''}${endSuffix?.trim().toUpperCase() ?? ''}`;
  if (!first) return last;
  return last ? `${first}-${last}` : first;
}

/**
 * The two address lines the API stores (`line1`, `line2`) from BS 7666 parts: "Flat 3, Mill
 * Court" / "12 Mill Road", "Rose Cottage" / "Anbury Lane", "12 High Street" / the locality.
 * Undefined when the parts make no line at all.
 */
export function addressLines(parts: AddressParts): { line1: string; line2: string | null } | undefined {
  const clean = (value?: string) => (value?.trim() ? titleCase(value) : '');
  const sao = [clean(parts.saoText), range(parts.saoStartNumber, parts.saoStartSuffix, parts.saoEndNumber, parts.saoEndSuffix)]
    .filter(Boolean)
    .join(' ');
  const paoNumber = range(parts.paoStartNumber, parts.paoStartSuffix, parts.paoEndNumber, parts.paoEndSuffix);
  const paoText = clean(parts.paoText);
  const street = clean(parts.street);
  const locality = clean(parts.locality);
  const streetLine = [paoNumber, street].filter(Boolean).join(' ');
  const building = [sao, paoText].filter(Boolean).join(', ');
  if (building && streetLine) return { line1: building, line2: streetLine };
  if (building) return { line1: building, line2: locality || null };
  if (streetLine) return { line1: streetLine, line2: locality || null };
  return undefined;
}
