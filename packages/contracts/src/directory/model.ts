/**
 * The directory model the elements render. Open Referral UK feeds come in two versions (v3,
 * and the v1 many councils still publish) and with local quirks; both are parsed into this one
 * shape, tolerant of missing optional fields and strict on the fields we must have.
 */

/** An opening-times rule, RRULE-like as ORUK schedules are. */
export interface DirectorySchedule {
  /** `WEEKLY` or `MONTHLY`; absent for a one-off or free-text schedule. */
  freq?: string;
  /** Two-letter days, e.g. `['MO', 'WE']`; for MONTHLY may carry a position, e.g. `1MO`. */
  byday: string[];
  /** `HH:MM` 24-hour. */
  opensAt?: string;
  closesAt?: string;
  /** Free text the feed gives ("By appointment"). */
  description?: string;
}

export interface DirectoryLocation {
  name?: string;
  /** The address on one line. */
  address?: string;
  postcode?: string;
  lat?: number;
  lng?: number;
  accessibility: string[];
  /** The language of `name` and `accessibility` when the feed says (see `DirectoryService.lang`). */
  lang?: string;
}

export interface DirectoryCost {
  /** `true` when the service says it is free. */
  free: boolean;
  amount?: number;
  currency?: string;
  description?: string;
}

export interface DirectoryService {
  id: string;
  name: string;
  /** Plain text: any HTML in the feed has been reduced to text. */
  description: string;
  /** `lang`: the name's language when the feed says (see `DirectoryService.lang`). */
  organisation?: { id?: string; name: string; url?: string; lang?: string };
  url?: string;
  email?: string;
  phones: { number: string; description?: string }[];
  locations: DirectoryLocation[];
  schedules: DirectorySchedule[];
  costs: DirectoryCost[];
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  languages: string[];
  categories: { id: string; name: string }[];
  /** Distance from the searched postcode, in metres, when the feed or we computed it. */
  distance?: number;
  /** When the information was last checked (`assured_date`) or changed. */
  lastUpdated?: string;
  /**
   * The language of `name` and `description` when the feed says (the council API's `language`
   * extension on Welsh answers): `en` on a Welsh page is English kept where there is no Welsh,
   * shown with `lang="en"`.
   */
  lang?: string;
  /**
   * The language of the service's other free text (eligibility, and the feed's own opening-time,
   * cost and phone notes) when the feed says (the council API's `details_language` extension:
   * `en` on a Welsh answer, where it holds none of these in Welsh).
   */
  detailsLang?: string;
}

/** One page of results, whichever paging shape the feed used. */
export interface DirectoryPage {
  items: DirectoryService[];
  totalItems: number;
  totalPages: number;
  /** 1-based. */
  page: number;
  size: number;
}

/** A category from `/taxonomy_terms`. */
export interface DirectoryCategory {
  id: string;
  name: string;
  parentId?: string;
  /** The facet the term belongs to (`vocabulary`), e.g. "Category", "Cost" or "Delivery". */
  vocabulary?: string;
  /** How many services carry the term, where the feed says (not part of the standard). */
  count?: number;
  /** The name's language when the feed says (see `DirectoryService.lang`). */
  lang?: string;
}
