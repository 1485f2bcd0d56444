import type { CancelReason, ContactPreference, RepairPriority, RepairStatus, Reporter, SlotPeriod, TodayState } from '@council-kit/contracts';
import type { Generated } from 'kysely';
import type { HandoffDeliveriesTable } from './handoff-table.js';
import type { BankHolidaysTable, ImportsTable } from './import-tables.js';
import type { DirectoryFeedRecordsTable, DirectoryFeedsTable } from './directory-feeds-table.js';

/**
 * The database as Kysely sees it. Column types are kept to what SQLite and PostgreSQL share
 * (text, integer, double precision) so the same queries run on both. A text column that only
 * ever holds one of a few values is typed as that union (the contract's, when the value is the
 * contract's), so rows read back need no casts and writes of anything else do not compile.
 */

export type PropertyType = 'house' | 'bungalow' | 'flat' | 'business';
export type ContainerType = 'wheelie-bin' | 'caddy' | 'box' | 'sack' | 'communal-bin';
export type ContainerColour = 'black' | 'blue' | 'green' | 'brown' | 'grey' | 'purple' | 'red' | 'white' | 'yellow';
/** The containers a resident can request (the waste services' ids). */
export type ContainerIdColumn = 'refuse' | 'recycling' | 'food' | 'garden';
export type ContainerReasonColumn = 'new-property' | 'lost' | 'stolen' | 'damaged' | 'additional';
/** A stored subscription; a property without one is 'none' in the contract. */
export type StoredSubscriptionStatus = 'active' | 'expired';
export type SubmissionKind = 'missed-collection' | 'container-request' | 'repair' | 'garden-subscription' | 'bulky-booking';
export type NotifyChannel = 'email' | 'sms';
export type DirectoryServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';
export type ScheduleFreq = 'WEEKLY' | 'MONTHLY';
export type DayShape = 'am-pm' | 'all-day';
export type PhotoContentType = 'image/jpeg' | 'image/png';
export interface AddressesTable {
  /** Unique Property Reference Number (up to 12 digits), stored as text. */
  uprn: string;
  /** First address line: "12 High Street", "Flat 3, Mill Court" or "Rose Cottage". */
  line1: string;
  /** Second line when the first names a flat, house or business: "12 Mill Road". */
  line2: string | null;
  town: string;
  /** Normalised: upper case, one space before the inward code ("AN1 1AA"). */
  postcode: string;
  /** No space ("AN11AA"): what lookups match on. */
  postcode_compact: string;
  lat: number;
  lng: number;
  /** 1 when the council is the landlord (housing repairs), else 0. */
  council_owned: number;
  property_type: PropertyType;
  /** Shared by the flats of one block, for communal repairs. */
  block_id: string | null;
}

/** A waste service the council runs: bilingual name and the container residents use. */
export interface WasteServicesTable {
  /** Stable id the contract uses: 'refuse', 'recycling', 'food', 'garden'. */
  id: string;
  name_en: string;
  name_cy: string;
  container_type: ContainerType;
  container_colour: ContainerColour;
  container_lid_colour: ContainerColour | null;
  /** 1 when residents pay for the service (garden waste): it then carries a subscription. */
  charged: number;
  /** Order services are listed in. */
  sort_order: number;
}

/** A collection round: one service's regular pattern. Dates are computed, never stored per collection. */
export interface WasteRoundsTable {
  /** e.g. 'refuse-tue-a'. */
  id: string;
  service_id: string;
  /** 1 weekly, 2 fortnightly… */
  every_weeks: number;
  /** Any date the round is collected on (`YYYY-MM-DD`): fixes its weekday and week of the cycle. */
  anchor: string;
}

/** Which round collects each service at a property (one round per service per property). */
export interface WastePropertyRoundsTable {
  uprn: string;
  service_id: string;
  round_id: string;
  /**
   * Demo data only: the state the seeded crews report for this property on any of its collection
   * days, when `waste_collection_states` holds nothing for the round that day.
   */
  demo_today_state: TodayState | null;
}

/** A collection moved from its usual day (bank holidays, Christmas…), for one round or all. */
export interface WasteDateChangesTable {
  id: Generated<number>;
  /** The round moved; null for every round collected on `was`. */
  round_id: string | null;
  was: string;
  now: string;
  reason_en: string;
  reason_cy: string;
}

/** Garden waste subscriptions. A property without a row has status 'none'. */
export interface WasteGardenSubscriptionsTable {
  uprn: string;
  /** An active subscription past `expires_on` is treated as expired. */
  status: StoredSubscriptionStatus;
  expires_on: string;
  /** Bins the subscription covers (migration 0014); null: one. */
  bins?: number | null;
}

/** A garden waste subscription or renewal as the resident asked for it (migration 0014). */
export interface GardenSubscriptionsTable {
  reference: string;
  uprn: string;
  bins: number;
  /** 1 when the resident said they qualify for the concession. */
  concession: number;
  /** 1 when it extends an existing subscription. */
  renewal: number;
  /** Pence, the server's sum when it was asked for. */
  amount: number;
  starts_on: string;
  expires_on: string;
  collections_start: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  /** The form's language (the confirmation's). */
  lang: string;
  created_at: string;
  /** With GOV.UK Pay: when Pay said paid. */
  paid_at: string | null;
}

/** What the crews' in-cab system reports for a round on a day. */
export interface WasteCollectionStatesTable {
  round_id: string;
  date: string;
  state: TodayState;
}

/** Every reference handed out (missed collections, container requests…): unique across all of them. */
export interface SubmissionReferencesTable {
  reference: string;
  kind: SubmissionKind;
  created_at: string;
}

/** Requests counted per client per fixed window, shared by every instance (see migration 0005). */
export interface RateLimitHitsTable {
  /** The client's IP address. */
  client: string;
  /** Epoch milliseconds the client's current window started at. */
  window_start: number;
  hits: number;
}

export interface MissedCollectionReportsTable {
  reference: string;
  uprn: string;
  service_id: string;
  collection_date: string;
  bin_out_in_time: number;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: string;
}

export interface ContainerRequestsTable {
  reference: string;
  uprn: string;
  container_id: ContainerIdColumn;
  reason: ContainerReasonColumn;
  charged: number;
  payment_url: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: string;
}

/** What became of a GOV.UK Pay payment, as the API records it. */
export type PaymentStatusColumn = 'created' | 'paid' | 'failed' | 'cancelled' | 'error';

/** One attempt to take payment for a charged container request (migration 0009-payments). */
export interface PaymentsTable {
  /** The container request's reference. */
  reference: string;
  /** 1 for the first payment of a request, then 2, 3… for each retry. */
  attempt: number;
  pay_payment_id: string | null;
  next_url: string | null;
  /** In pence. */
  amount: number;
  status: PaymentStatusColumn;
  pay_code: string | null;
  created_at: string;
  updated_at: string;
  checked_at: string | null;
}

/** Answers to POSTs sent with an `Idempotency-Key`, so a retry gets the same answer and stores nothing new. */
export interface IdempotencyKeysTable {
  /** The operation the key was used on, e.g. 'POST /waste/missed-collections'. */
  scope: string;
  key: string;
  /** SHA-256 of the request body (canonical JSON): the same key with another body is refused. */
  request_hash: string;
  status: number;
  /** The response body, as sent. */
  body: string;
  created_at: string;
}

/** Messages for GOV.UK Notify (or a stand-in): the local default notifier only writes here. */
export interface NotifyOutboxTable {
  id: Generated<number>;
  channel: NotifyChannel;
  template_id: string;
  /** Email address or phone number. */
  recipient: string;
  /** JSON object of template fields. */
  personalisation: string;
  /** Our reference for the message (the submission's reference). */
  reference: string;
  created_at: string;
  sent_at: string | null;
  /** Delivery (migration 0007): see `src/outbox/`. */
  status: Generated<NotifyStatus>;
  /** The language of the form the message confirms: a Welsh one is sent with the `.cy` template. */
  lang: Generated<'en' | 'cy'>;
  attempts: Generated<number>;
  /** Not before this instant (ISO); null: as soon as possible. */
  next_attempt_at: string | null;
  /** While `sending`: the claiming instance's lease; once past, another instance may take the row. */
  claimed_until: string | null;
  /** Notify's id for the message, once accepted. */
  notify_id: string | null;
  /** Notify's error (status, type and message; never the recipient) from the last failed attempt. */
  last_error: string | null;
}

export type NotifyStatus = 'pending' | 'sending' | 'sent' | 'failed';

// ----- service directory (Open Referral UK v3; see migration 0003) -----------------------

/** An organisation that runs services: a charity, a church, the council itself. */
export interface OrganizationsTable {
  /** UUID. */
  id: string;
  name: string;
  description: string;
  email: string | null;
  /** https:// only. */
  website: string | null;
}

/** A service residents can use. Text is stored as the provider wrote it: plain text, never rendered as HTML. */
export interface ServicesTable {
  id: string;
  organization_id: string;
  name: string;
  description: string;
  /** https:// only (the UK profile requires a URL). */
  url: string;
  email: string | null;
  status: DirectoryServiceStatus;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  /** When the information was last checked (`YYYY-MM-DD`). */
  assured_date: string | null;
  /** ISO 8601 date-time with milliseconds, UTC. */
  last_modified: string;
  /** The Welsh name and description (migration 0013): both or neither. */
  name_cy?: string | null;
  description_cy?: string | null;
}

/** A place services are delivered. Coordinates are WGS84 and may be missing. */
export interface LocationsTable {
  id: string;
  name: string;
  description: string | null;
  latitude: number | null;
  longitude: number | null;
  /** The ORUK id of the location's (one) physical address. */
  address_id: string;
  address_1: string;
  address_2: string | null;
  city: string;
  state_province: string;
  postal_code: string;
  /** ISO 3166-1 alpha-2: 'GB'. */
  country: string;
}

/** Arrangements for disabled people at a location ("Step-free entrance"). */
export interface AccessibilityTable {
  id: string;
  location_id: string;
  description: string;
  details: string | null;
}

export interface ServiceAtLocationsTable {
  id: string;
  service_id: string;
  location_id: string;
  description: string | null;
}

/** One term of the directory's category taxonomy; `parent_id` makes it a hierarchy. */
export interface TaxonomyTermsTable {
  id: string;
  /** Stable slug, e.g. 'food-banks'. */
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
  /** The vocabulary the term comes from. */
  taxonomy: string;
  /** The Welsh name and description (migration 0013): both or neither. */
  name_cy?: string | null;
  description_cy?: string | null;
}

/** A service classified by a taxonomy term (ORUK v3 `attributes`). */
export interface AttributesTable {
  id: string;
  service_id: string;
  taxonomy_term_id: string;
}

/** Opening times as an RFC 5545 RRULE subset: `freq` WEEKLY/MONTHLY, `byday` "MO,WE" or "1SA". */
export interface SchedulesTable {
  id: string;
  service_id: string;
  freq: ScheduleFreq | null;
  interval: number | null;
  byday: string | null;
  /** 'HH:MM', Europe/London local time. */
  opens_at: string | null;
  closes_at: string | null;
  valid_from: string | null;
  valid_to: string | null;
  /** Free text ("By appointment only"). */
  description: string | null;
}

export interface CostOptionsTable {
  id: string;
  service_id: string;
  /** What the price is for ("Free", "Per session"). */
  option: string | null;
  /** 0 for free. */
  amount: number | null;
  /** ISO 4217: 'GBP'. */
  currency: string | null;
  amount_description: string | null;
}

export interface ContactsTable {
  id: string;
  service_id: string;
  name: string | null;
  title: string | null;
  email: string | null;
}

export interface PhonesTable {
  id: string;
  contact_id: string;
  number: string;
  description: string | null;
}

/** A language the service is delivered in (not through an interpreter). */
export interface LanguagesTable {
  id: string;
  service_id: string;
  name: string;
  /** ISO 639-1, e.g. 'cy'. */
  code: string;
}

/** The FTS5 search table (one row per service); queried with `sql` for MATCH and bm25(). */
export interface ServicesSearchTable {
  service_id: string;
  name: string;
  organization: string;
  /** Names of the service's taxonomy terms and their parents. */
  taxonomy: string;
  description: string;
}

/** Every word of the directory's searchable text, lower case without accents (migration 0013). */
export interface SearchWordsTable {
  word: string;
}

// ----- housing repairs (see migration 0004) ---------------------------------------------------

/** Each repairs catalogue loaded (the JSON document as served); the highest id is current. */
export interface RepairCataloguesTable {
  id: Generated<number>;
  version: string;
  document: string;
  /** 'example' or the file it was loaded from (`REPAIRS_CATALOGUE_FILE`). */
  source: string;
  loaded_at: string;
}

/** A trade the catalogue's leaves name ('plumber'); appointment slots are per trade. */
export interface RepairTradesTable {
  id: string;
  name_en: string;
  name_cy: string;
  /** Morning and afternoon slots, or one slot for the whole day. */
  day_shape: DayShape;
}

export interface RepairOperativesTable {
  id: string;
  trade_id: string;
  name: string;
  active: number;
}

/** One trade's appointments for a morning, afternoon or whole day: `booked` never exceeds `capacity`. */
export interface RepairSlotsTable {
  /** Opaque to clients, e.g. 'plumber-2026-11-26-am'. */
  id: string;
  trade_id: string;
  date: string;
  period: SlotPeriod;
  capacity: number;
  booked: number;
}

export interface RepairCancelReasonsTable {
  id: string;
  label_en: string;
  label_cy: string;
}

export interface RepairsTable {
  reference: string;
  uprn: string;
  block_id: string | null;
  reporter: Reporter;
  catalogue_version: string;
  leaf_id: string;
  sor: string;
  trade_id: string;
  priority: RepairPriority;
  communal: number;
  label_en: string;
  label_cy: string;
  location_label_en: string;
  location_label_cy: string;
  description: string;
  status: RepairStatus;
  reported_on: string;
  target_date: string;
  slot_id: string | null;
  appointment_date: string | null;
  appointment_period: SlotPeriod | null;
  contact_preference: ContactPreference;
  contact_mobile: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  cancel_reason: CancelReason | null;
  cancel_detail: string | null;
  created_at: string;
  updated_at: string;
  /** SHA-256 (hex) of the manage token given to the reporter; null for repairs from before tokens. */
  manage_token_hash: string | null;
}

/** A resident's photo, never served back. `data` holds the bytes. */
export interface RepairPhotosTable {
  id: string;
  repair_reference: string | null;
  /** From the bytes' signature. */
  content_type: PhotoContentType;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

/** A one-time code sent to a repair's contact details (migration 0010): its hash, never the code. */
export interface RepairCodesTable {
  reference: string;
  /** SHA-256 (hex) of `${reference}:${code}`. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  /** Tries so far; the 5th wrong one ends the code. */
  attempts: number;
}

/** A manage token given for a one-time code (migration 0010), beside the report's own. */
export interface RepairManageTokensTable {
  token_hash: string;
  reference: string;
  created_at: string;
}

/** Kysely's own bookkeeping table, typed so readiness checks can read it portably. */
export interface MigrationTable {
  name: string;
  timestamp: string;
}

/** A bulky round-day's crew capacity, in slots (migration 0015-bulky-waste). */
export interface BulkyCapacityTable {
  round_id: string;
  date: string;
  capacity: number;
  booked: number;
}

/** A bulky waste collection booking (migration 0015-bulky-waste). */
export interface BulkyBookingsTable {
  reference: string;
  uprn: string;
  round_id: string;
  collection_date: string;
  /** JSON: the items as booked, with labels, prices and slots. */
  items: string;
  slots: number;
  amount: number;
  location: 'front-garden' | 'driveway' | 'kerbside' | 'other';
  location_detail: string | null;
  status: 'booked' | 'cancelled' | 'collected';
  /** Why it was cancelled (migration 0016): `resident`, or `unpaid` when Pay's hold ran out. */
  cancel_reason: 'resident' | 'unpaid' | null;
  lang: string;
  payment_url: string | null;
  manage_token_hash: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  addresses: AddressesTable;
  waste_services: WasteServicesTable;
  waste_rounds: WasteRoundsTable;
  waste_property_rounds: WastePropertyRoundsTable;
  waste_date_changes: WasteDateChangesTable;
  waste_garden_subscriptions: WasteGardenSubscriptionsTable;
  garden_subscriptions: GardenSubscriptionsTable;
  waste_collection_states: WasteCollectionStatesTable;
  submission_references: SubmissionReferencesTable;
  missed_collection_reports: MissedCollectionReportsTable;
  container_requests: ContainerRequestsTable;
  idempotency_keys: IdempotencyKeysTable;
  notify_outbox: NotifyOutboxTable;
  repair_codes: RepairCodesTable;
  repair_manage_tokens: RepairManageTokensTable;
  organizations: OrganizationsTable;
  services: ServicesTable;
  locations: LocationsTable;
  accessibility: AccessibilityTable;
  service_at_locations: ServiceAtLocationsTable;
  taxonomy_terms: TaxonomyTermsTable;
  attributes: AttributesTable;
  schedules: SchedulesTable;
  cost_options: CostOptionsTable;
  contacts: ContactsTable;
  phones: PhonesTable;
  languages: LanguagesTable;
  services_search: ServicesSearchTable;
  search_words: SearchWordsTable;
  repair_catalogues: RepairCataloguesTable;
  repair_trades: RepairTradesTable;
  repair_operatives: RepairOperativesTable;
  repair_slots: RepairSlotsTable;
  repair_cancel_reasons: RepairCancelReasonsTable;
  repairs: RepairsTable;
  repair_photos: RepairPhotosTable;
  rate_limit_hits: RateLimitHitsTable;
  payments: PaymentsTable;
  handoff_deliveries: HandoffDeliveriesTable;
  bank_holidays: BankHolidaysTable;
  imports: ImportsTable;
  directory_feeds: DirectoryFeedsTable;
  directory_feed_records: DirectoryFeedRecordsTable;
  bulky_capacity: BulkyCapacityTable;
  bulky_bookings: BulkyBookingsTable;
  kysely_migration: MigrationTable;
}
