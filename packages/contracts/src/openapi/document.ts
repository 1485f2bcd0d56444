/**
 * The council API's OpenAPI 3.1 document, generated: the components from the contracts' schemas
 * (`toJsonSchema`), and by hand only what is not a schema: the paths and their operations,
 * parameters and responses, the descriptions, and the few guarantees the API makes that a
 * browser reader does not check (`notes`). `npm run openapi --workspace @council-kit/contracts`
 * writes it to openapi/council-api.json; a test fails when that file is not what this makes.
 */
import { address, addressLookupResult } from '../address.js';
import { problem } from '../problem.js';
import { bilingual, repairCatalogue, repairLeaf } from '../repairs/catalogue.js';
import { communalRepair, manageCodeSent, manageTokenGrant, photoReceipt, repair, repairProperty, repairSlot, repairSlots, repairStatusSummary, reportedRepair } from '../repairs/repairs.js';
import { cancelRequest, manageCodeRequest, manageTokenRequest, repairRequest, rescheduleRequest } from '../repairs/requests.js';
import { toJsonSchema, type JsonSchema, type Schema } from '../schema/index.js';
import { collectionsResult, containerTypes, submissionReceipt, wasteService } from '../waste/collections.js';
import { paymentState } from '../waste/payment.js';
import { gardenOffer, gardenReceipt, gardenSubscriptionRequest } from '../waste/garden.js';
import { bulkyBooking, bulkyBookingReceipt, bulkyBookingRequest, bulkyCatalogue, bulkyChangeRequest, bulkyDates } from '../waste/bulky.js';
import { containerRequest, missedCollectionRequest, wasteContact } from '../waste/requests.js';
import { orukSchemas } from './oruk.js';

type Json = JsonSchema;

/** Named schemas, in the document's order, and whether each is a request body (unknown keys refused). */
const components: [name: string, schema: Schema, request?: true][] = [
  ['Address', address],
  ['AddressLookupResult', addressLookupResult],
  ['Problem', problem],
  ['Contact', wasteContact, true],
  ['WasteService', wasteService],
  ['CollectionsResult', collectionsResult],
  ['MissedCollectionRequest', missedCollectionRequest, true],
  ['ContainerRequest', containerRequest, true],
  ['SubmissionReceipt', submissionReceipt],
  ['PaymentState', paymentState],
  ['GardenOffer', gardenOffer],
  ['GardenSubscriptionRequest', gardenSubscriptionRequest, true],
  ['GardenReceipt', gardenReceipt],
  ['Bilingual', bilingual],
  ['RepairLeaf', repairLeaf],
  ['RepairCatalogue', repairCatalogue],
  ['RepairSlot', repairSlot],
  ['RepairSlots', repairSlots],
  ['CommunalRepair', communalRepair],
  ['RepairProperty', repairProperty],
  ['RepairRequest', repairRequest, true],
  ['PhotoReceipt', photoReceipt],
  ['Repair', repair],
  ['ReportedRepair', reportedRepair],
  ['RepairStatusSummary', repairStatusSummary],
  ['RescheduleRequest', rescheduleRequest, true],
  ['CancelRequest', cancelRequest, true],
  ['ManageCodeRequest', manageCodeRequest, true],
  ['ManageCodeSent', manageCodeSent],
  ['ManageTokenRequest', manageTokenRequest, true],
  ['ManageTokenGrant', manageTokenGrant],
  // Bulky waste (issue 18).
  ['BulkyCatalogue', bulkyCatalogue],
  ['BulkyDates', bulkyDates],
  ['BulkyBookingRequest', bulkyBookingRequest, true],
  ['BulkyBookingReceipt', bulkyBookingReceipt],
  ['BulkyBooking', bulkyBooking],
  ['BulkyChangeRequest', bulkyChangeRequest, true],
];

const UPRN = { pattern: '^[0-9]{1,12}$' };
const REFERENCE = { pattern: '^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$' };
const PHOTO_ID = { pattern: '^[A-Za-z0-9_-]{22}$' };
const MANAGE_TOKEN = { pattern: '^[A-Za-z0-9_-]{43}$' };

/**
 * What the schemas do not say, per component and path (`''` the component itself, `a.b` a
 * property, `a[]` an array's items): descriptions, examples, and what the council API
 * guarantees beyond what a browser reader checks (the elements render any reference, show any
 * container type as text, and follow a payment URL only when it is https). Each note adds
 * keywords; one that would change what the schema says is an error.
 */
const notes: Record<string, Record<string, Json>> = {
  Address: { uprn: UPRN },
  Problem: {
    type: {
      description:
        'A stable problem type: https://council-kit.dev/problems/{validation, invalid-postcode, not-found, rate-limited, payload-too-large, unsupported-media-type, forbidden-origin, internal, report-window-closed, subscription-required, garden-not-available, garden-already-subscribed, idempotency-key-reused, postcode-not-found, not-council-property, not-eligible, slot-taken, repair-closed, manage-token-required, manage-link-expired, manage-code-not-valid, no-contact-details, source-unavailable, source-timeout, date-full, item-refused, change-closed, bulky-not-served}.',
    },
  },
  Contact: {
    '': {
      description:
        'Optional contact details for a confirmation. Both optional; when present, each must be valid (`email`: a plausible address, at most 254 characters; `phone`: a UK number, stored in national format). Texts go to mobiles only.',
    },
  },
  WasteService: {
    id: { description: 'Stable service id.', examples: ['refuse', 'recycling', 'food', 'garden'] },
    name: { description: "The council's name for the service, in the language requested." },
    'container.type': { enum: [...containerTypes] },
    nextCollection: { description: 'The first collection on or after today.' },
    previousCollection: { description: 'The last collection before today (even before `from`).' },
    upcoming: { description: 'Collections in [max(from, today), to], soonest first.' },
    todayState: { description: "Only when today is a collection day and the crews' system has a state for it." },
    'reportMissed.until': { description: 'The last day a report is accepted.' },
    subscription: { description: 'For charged services (garden waste) only.' },
    'subscription.renewUrl': { description: 'Where to subscribe or renew, when not active.' },
  },
  CollectionsResult: { uprn: UPRN },
  MissedCollectionRequest: {
    serviceId: { description: 'A service the property has.', examples: ['refuse'] },
    collectionDate: { description: 'A real collection of that service at the property whose report window is open today.' },
    binOutInTime: { description: 'The resident confirms the bin was out in time.' },
  },
  SubmissionReceipt: {
    reference: { ...REFERENCE, description: '8 characters from an alphabet without 0/O/1/I/L.' },
    duplicate: { description: 'True when the same report was already received; nothing was stored twice.' },
    paymentUrl: { format: 'uri', pattern: '^https://', description: 'Where to pay, when the council charges: with GOV.UK Pay configured, the payment\'s own page (`next_url`).' },
    payment: { description: 'Only when the council takes payment through GOV.UK Pay and the request is charged.' },
    'payment.amount': { description: 'In pence.' },
    'payment.token': {
      pattern: '^[A-Za-z0-9_-]{43}$',
      description: "Reads the payment's state and starts a fresh payment after an unpaid one (`Authorization: Bearer`). GOV.UK Pay's return link carries it too (`?payment=<reference>&token=<token>`). A keyed hash of the reference: the API stores nothing to compare it with, and it cannot be made without the council's Pay key.",
    },
  },
  PaymentState: {
    reference: REFERENCE,
    paymentUrl: { format: 'uri', pattern: '^https://', description: "GOV.UK Pay's page for this payment, while it is `created`." },
  },
  RepairCatalogue: {
    '': { description: 'The full rules for councils writing their own are in the JSON Schema `@council-kit/contracts/schema/repair-catalogue.json`.' },
  },
  RepairSlot: { id: { description: 'Opaque: book with it.' } },
  RepairSlots: { callBack: { description: 'true: the council calls back to arrange it (emergency or urgent job, not booked online, or no free slot).' } },
  RepairProperty: {
    communalRepairs: {
      description: "Open (booked or awaiting an appointment) repairs in the block's shared areas, newest first: what, where, when and the status only, never a reference or a description (anyone may ask about any UPRN).",
    },
  },
  RepairRequest: {
    description: { description: "1 to the catalogue's maxDescription characters (counted as a person would: an emoji is one)." },
    photoIds: { description: 'At most the catalogue’s maxPhotos.' },
    'contact.mobile': { description: 'A UK mobile; required for text.' },
    'contact.email': { description: 'Required for email.' },
    'contact.phone': { description: 'A UK number; required for phone.' },
    slotId: { description: 'A slot from GET /repairs/slots; only for leaves booked online.' },
  },
  PhotoReceipt: { photoId: PHOTO_ID },
  Repair: {
    reference: REFERENCE,
    label: { description: "The leaf's label in the language asked for." },
    cancelReason: { description: 'The reason code given when cancelled (`fixed`, `no-longer-needed`, `reported-by-mistake`, `other`).' },
  },
  ReportedRepair: {
    reference: REFERENCE,
    manageToken: {
      ...MANAGE_TOKEN,
      description:
        'Given once, here: the council API keeps only its SHA-256 hash. Send it as `Authorization: Bearer <token>` to read, move or cancel the repair; it stops working when the repair is closed. Put it in the fragment of the manage link (`#reference=…&token=…`), never in a query string. Repeating the request with the same Idempotency-Key and body gives a new token and ends the old one.',
    },
  },
  RepairStatusSummary: { reference: REFERENCE },
  ManageCodeRequest: { postcode: { description: "The postcode of the repair's property, in any case and spacing." } },
  ManageCodeSent: {
    channel: { description: '`email` or `sms` (a text to the mobile on the repair).' },
    hint: { description: 'Where the code went, masked: the first letter of the address and of its domain (`j***@e***.com`), or the last 3 digits of the mobile (`*** 982`).' },
  },
  ManageTokenRequest: { code: { description: 'The 6 digits sent by `POST /repairs/{reference}/code` (spaces ignored).' } },
  ManageTokenGrant: {
    reference: REFERENCE,
    manageToken: {
      ...MANAGE_TOKEN,
      description: 'A manage token like the one `POST /repairs` gives (stored only as its SHA-256): send it as `Authorization: Bearer <token>`. The report\'s token keeps working beside it; both stop when the repair is closed.',
    },
  },
  BulkyBookingReceipt: {
    reference: REFERENCE,
    manageToken: { ...MANAGE_TOKEN, description: 'Reads, moves and cancels the booking (`Authorization: Bearer`); only in this answer. The confirmation link carries it in its fragment.' },
    paymentUrl: { description: 'Where to pay, when the booking is charged: https (or a path on the council site).' },
  },
  BulkyBooking: { reference: REFERENCE, changeUntil: { format: 'date-time' } },
};

/** Adds a component's notes, refusing any that would change what its schema says. */
function annotate(name: string, schema: Json): Json {
  for (const [path, note] of Object.entries(notes[name] ?? {})) {
    let node = schema;
    for (const step of path.match(/[^.[\]]+|\[\]/g) ?? []) {
      const next = step == '[]' ? node.items : (node.properties as Record<string, Json> | undefined)?.[step];
      if (!next) throw new Error(`OpenAPI notes: ${name} has no ${path}`);
      node = next as Json;
    }
    for (const [keyword, value] of Object.entries(note)) {
      if (keyword in node) throw new Error(`OpenAPI notes: ${name}${path ? `.${path}` : ''} already says ${keyword}; change the schema instead`);
      node[keyword] = value;
    }
  }
  return schema;
}

// The parts of paths that repeat.

const schemaRef = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });
const PROBLEM: Json = { $ref: '#/components/responses/Problem' };
const problem_ = (description: string): Json => ({ description, content: { 'application/problem+json': { schema: schemaRef('Problem') } } });
const json = (description: string, schema: string, headers?: Json): Json => ({ description, ...(headers && { headers }), content: { 'application/json': { schema: schemaRef(schema) } } });
const body = (schema: string): Json => ({ required: true, content: { 'application/json': { schema: schemaRef(schema) } } });
const REPLAYED: Json = { 'Idempotent-Replayed': { description: '`true` when this answer is a replay for a repeated Idempotency-Key.', schema: { type: 'string', enum: ['true'] } } };
const idempotencyKey = (required: boolean, description: string): Json => ({
  name: 'Idempotency-Key',
  in: 'header',
  required,
  description,
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
});
const WASTE_IDEMPOTENCY_KEY = idempotencyKey(
  false,
  'One key per submission (1–255 visible ASCII characters, e.g. a UUID). The same key with the same body (compared as canonical JSON) replays the first successful answer, same status and body, with `Idempotent-Replayed: true`, and stores nothing new; the same key with a different body is refused with 422 (`idempotency-key-reused`). Refused requests (4xx) are not kept, so a corrected request may reuse the key. Keys are scoped to the operation and stored in the database.',
);
const REPAIR_IDEMPOTENCY_KEY = idempotencyKey(
  false,
  'Optional here: the same key with the same body replays the first answer (`Idempotent-Replayed: true`); with another body, 422 `idempotency-key-reused`. Both operations are also safe to repeat without one.',
);
/** A charged container request's payment: only with the token its receipt (and Pay's return link) carries. */
const PAYMENT_SECURITY: Json[] = [{ paymentToken: [] }];
const PAYMENT_PARAMETERS: Json[] = [
  { name: 'reference', in: 'path', required: true, description: "The container request's reference.", schema: { type: 'string', ...REFERENCE } },
];
const NO_SUCH_PAYMENT = problem_(
  'No charged container request with this reference and token, or GOV.UK Pay is not configured. The same answer whichever part is wrong, so neither references nor tokens can be probed.',
);
const WASTE_VALIDATION = problem_(
  'The request is not valid: not JSON, a missing or mistyped field, an unknown field, invalid contact details, an unknown UPRN, or something the property does not have. Problem type `validation`, with `errors: [{ path, message }]` (paths are JSON pointers, e.g. `/contact/email`).',
);
const WASTE_UPRN: Json = {
  name: 'uprn',
  in: 'path',
  required: true,
  description: "The property's Unique Property Reference Number (up to 12 digits). Malformed: 400; unknown: 404.",
  schema: { type: 'string', ...UPRN },
};
/** The sources' own parameters and failures (ADDRESS_SOURCE=os-places, WASTE_SOURCE=ukbcd). */
const ADDRESS_LANG: Json = {
  name: 'lang',
  in: 'query',
  required: false,
  description: "The page's language. With OS Places as the source, a Welsh address OS gives in both languages is answered in this one (default English).",
  schema: { type: 'string', enum: ['en', 'cy'], default: 'en' },
};
const WASTE_POSTCODE: Json = {
  name: 'postcode',
  in: 'query',
  required: false,
  description: "The property's postcode, for a council whose collections come from a scraper that needs it (`WASTE_SOURCE=ukbcd` with `{postcode}` in its command) when the API's addresses do not have the property. Ignored otherwise.",
  schema: { type: 'string', maxLength: 16 },
};
const SOURCE_FAILURES: Record<string, Json> = {
  502: problem_("The source of the answer (OS Places, a scraper) failed, refused the council's key, or answered something unusable: `source-unavailable`. Try again later."),
  504: problem_('The source of the answer did not answer in time: `source-timeout`.'),
};
const WASTE_LANG: Json = { name: 'lang', in: 'query', required: false, description: 'Language for service names, change reasons and calendar text.', schema: { type: 'string', enum: ['en', 'cy'], default: 'en' } };
const WASTE_SUBMISSION_LANG: Json = { name: 'lang', in: 'query', required: false, description: 'The form\'s language, for what the resident is sent: the GOV.UK Notify confirmation (Welsh names, dates and the `.cy` template) and, for a charged container request, GOV.UK Pay\'s pages. `en` (default) or `cy`.', schema: { type: 'string', enum: ['en', 'cy'], default: 'en' } };
const REPAIRS_LANG: Json = { name: 'lang', in: 'query', required: false, description: 'Language of the labels in the answer: `en` (default) or `cy`.', schema: { type: 'string', enum: ['en', 'cy'] } };
const REPAIR_REFERENCE: Json = {
  name: 'reference',
  in: 'path',
  required: true,
  description: "The repair's reference: 8 characters from `23456789ABCDEFGHJKMNPQRSTUVWXYZ` (case and spaces ignored).",
  schema: { type: 'string' },
};
const REPAIR_PARAMETERS: Json[] = [REPAIR_REFERENCE, REPAIRS_LANG];
/** Reading, moving and cancelling a repair: only with its manage token. */
const MANAGE_SECURITY: Json[] = [{ manageToken: [] }];
const MANAGE_TOKEN_REQUIRED = problem_(
  '`manage-token-required`: no `Authorization: Bearer <token>` header. A reference and postcode alone no longer read, move or cancel a repair: send the manage token from the confirmation, or use GET /repairs/{reference}/status?postcode= to see the status only.',
);
const MANAGE_LINK_EXPIRED = problem_('`manage-link-expired`: the repair is closed (completed or cancelled), so its manage token no longer works.');
const NO_SUCH_REPAIR = problem_(
  'No repair with this reference and token (or postcode). The same answer whichever part is wrong, so neither references nor tokens can be probed; wrong guesses are rate-limited per repair and per client (429).',
);
const POSTCODE_BODY_INVALID = problem_('Not valid (`validation`): not JSON, a missing or invalid postcode (or code), an unknown field.');
const CODE_NOT_VALID = problem_(
  '`manage-code-not-valid`: the reference, postcode or code is not right, or the code has expired (15 minutes), has been used, or has had 5 wrong tries. One answer whichever part was wrong; every such try counts against the per-repair and per-client limits (429).',
);
const NO_SUCH_PROPERTY = problem_('No property has this UPRN.');

const ORUK_SERVERS: Json[] = [{ url: '/oruk', description: 'Open Referral UK API v3: no API key, CORS *.' }];
const ORUK_SEARCH: Json = {
  name: 'search',
  in: 'query',
  required: false,
  description:
    'Full-text search over service name, organisation, categories and description; every word must match (stemmed, accents ignored). Best match first: a match in the name ranks above one in the description. At most 200 characters.',
  schema: { type: 'string', maxLength: 200 },
};
const ORUK_TAXONOMY: Json = {
  name: 'taxonomy_term_id',
  in: 'query',
  required: false,
  description: 'Only services with any of these taxonomy terms (comma-separated UUIDs, at most 20), or a narrower term under one of them. Unknown ids: no results.',
  schema: { type: 'string' },
};
const ORUK_PAGE: Json = {
  name: 'page',
  in: 'query',
  required: false,
  description: 'Page number, from 1 (at most 10000). Past the last page: an empty page.',
  schema: { type: 'integer', minimum: 1, maximum: 10000, default: 1 },
};
const ORUK_PER_PAGE: Json = {
  name: 'per_page',
  in: 'query',
  required: false,
  description: 'Items per page, 1 to 100 (with `minimal=true` on /services, up to 10000). The page says how many it holds in `size`.',
  schema: { type: 'integer', minimum: 1, maximum: 10000, default: 20 },
};
const ORUK_FORMAT: Json = {
  name: 'format',
  in: 'query',
  required: false,
  description: '`json` (the default: a page) or `ndjson`: every result, one JSON record a line (`application/x-ndjson`), without paging (then no `page` or `per_page`).',
  schema: { type: 'string', enum: ['json', 'ndjson'], default: 'json' },
};
const orukUuid = (name: string, description: string): Json => ({ name, in: 'query', required: false, description, schema: { type: 'string', format: 'uuid' } });
const orukBoolean = (name: string, description: string): Json => ({ name, in: 'query', required: false, description, schema: { type: 'boolean' } });
const ORUK_ORGANIZATION_ID = orukUuid('organization_id', 'Only the services this organisation provides.');
const ORUK_TAXONOMY_ID = orukUuid('taxonomy_id', 'Only services with any term of this taxonomy (see /taxonomies). Unknown: no results.');
const ORUK_MODIFIED_AFTER: Json = {
  name: 'modified_after',
  in: 'query',
  required: false,
  description: 'Only services whose `last_modified` is on or after this instant: ISO 8601 with an offset (2026-03-15T10:30:00Z), or a date (its midnight UTC). For incremental harvesting.',
  schema: { type: 'string', format: 'date-time' },
};
const ORUK_FULL = orukBoolean('full', 'Records are always fully nested: `true` is accepted, `false` cannot be honoured (400).');
const ORUK_UK_FILTERS: Json[] = [
  { name: 'minimum_age', in: 'query', required: false, description: 'Only services whose minimum age is at least this (no minimum counts as 0).', schema: { type: 'number', minimum: 0, maximum: 150 } },
  { name: 'maximum_age', in: 'query', required: false, description: 'Only services whose maximum age is at most this (services with no maximum are left out).', schema: { type: 'number', minimum: 0, maximum: 150 } },
  { name: 'day', in: 'query', required: false, description: 'Only services with a schedule on this day: MO, TU, WE, TH, FR, SA, SU (or the day\'s English name).', schema: { type: 'string' } },
  { name: 'start_time', in: 'query', required: false, description: 'Only services with a schedule opening at or after this time (HH:MM). With `day` and `end_time`, all on one schedule.', schema: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d(:00)?$' } },
  { name: 'end_time', in: 'query', required: false, description: 'Only services with a schedule closing at or before this time (HH:MM).', schema: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d(:00)?$' } },
];
const ORUK_NOT_HONOURED = 'Any other query parameter, or one given twice, is a 400 problem naming it: never a silently unfiltered list.';
const orukRecord = (kind: string, operationId: string, schema: string, parameters: Json[] = []): Json => ({
  servers: ORUK_SERVERS,
  get: {
    tags: ['directory'],
    operationId,
    summary: `A ${kind}`,
    parameters: [{ name: 'id', in: 'path', required: true, description: `The ${kind}'s id. Not a UUID: 400; unknown: 404.`, schema: { type: 'string', format: 'uuid' } }, ...parameters],
    responses: { 200: json(`The ${kind}.`, schema), 400: PROBLEM, 404: PROBLEM, 429: PROBLEM },
  },
});
const ORUK_POSTCODE: Json = {
  name: 'postcode',
  in: 'query',
  required: false,
  description:
    "A UK postcode in the council's area, measured from the average position of its addresses. Results come nearest first, each with `distance` in metres. Invalid: 400 (invalid-postcode); unknown: 422 (postcode-not-found).",
  schema: { type: 'string', maxLength: 16 },
};
const ORUK_PROXIMITY: Json = {
  name: 'proximity',
  in: 'query',
  required: false,
  description: 'Only results within this many metres of `postcode` (more than 0, at most 100000). Needs `postcode`. Locations without coordinates are never in a distance search.',
  schema: { type: 'number', exclusiveMinimum: 0, maximum: 100000 },
};

/** The paths, their operations, parameters and responses: everything that is not a schema. */
const paths: Record<string, Json> = {
  '/addresses': {
    get: {
      tags: ['addresses'],
      operationId: 'findAddresses',
      summary: 'Addresses at a postcode',
      parameters: [
        { name: 'postcode', in: 'query', required: true, description: 'A UK postcode in any case and spacing; the API normalises it.', schema: { type: 'string', maxLength: 16 } },
        ADDRESS_LANG,
      ],
      responses: {
        200: json('The addresses at the postcode; `outsideArea` is true for a valid UK postcode the council does not serve.', 'AddressLookupResult'),
        400: PROBLEM,
        429: problem_('`rate-limited`: too many requests from this address, or (with OS Places as the source) OS Places is rate limiting the council (`Retry-After`).'),
        ...SOURCE_FAILURES,
      },
    },
  },
  '/waste/properties/{uprn}/collections': {
    get: {
      tags: ['waste'],
      operationId: 'getCollections',
      summary: "A property's bin collections",
      description:
        'Collections are computed from the property\'s rounds, with moved collections (bank holiday slip weeks, Christmas and New Year) applied. `upcoming` covers [max(from, today), to]; `nextCollection` is the first collection on or after today and `previousCollection` the last one before today, whatever the range; `changedDates` are the moves touching [from, to]. A property with communal bins (flats in a block) or trade waste has `services: []`. "Today" is the date in Europe/London.',
      parameters: [
        WASTE_UPRN,
        { name: 'from', in: 'query', required: false, description: 'First date of the range (default: today − 7 days).', schema: { type: 'string', format: 'date' } },
        {
          name: 'to',
          in: 'query',
          required: false,
          description: 'Last date of the range (default: today + 8 weeks). Must not be before `from`; the range may be at most 400 days.',
          schema: { type: 'string', format: 'date' },
        },
        WASTE_LANG,
        WASTE_POSTCODE,
      ],
      responses: { 200: json("The property's waste services.", 'CollectionsResult'), 400: PROBLEM, 404: PROBLEM, 429: PROBLEM, ...SOURCE_FAILURES },
    },
  },
  '/waste/properties/{uprn}/collections.ics': {
    get: {
      tags: ['waste'],
      operationId: 'getCollectionsCalendar',
      summary: "A property's bin collections as an iCalendar file",
      description:
        'RFC 5545, CRLF line endings, lines folded at 75 octets: one all-day, transparent VEVENT per collection from today − 7 days to today + 1 year. UIDs are built from the UPRN, the service and the collection\'s usual date (`{uprn}-{serviceId}-{YYYYMMDD}@waste.council-kit.dev`), so a moved collection keeps its UID (with `SEQUENCE:1` and a DESCRIPTION saying why) and subscribed calendars update it in place. Garden waste without an active subscription is left out. A property with no collections of its own answers 404.',
      parameters: [WASTE_UPRN, WASTE_LANG, WASTE_POSTCODE],
      responses: {
        200: {
          description: 'The calendar, as a download (`Content-Disposition: attachment; filename="bin-collections.ics"`).',
          headers: { 'Content-Disposition': { schema: { type: 'string', const: 'attachment; filename="bin-collections.ics"' } } },
          content: { 'text/calendar; charset=utf-8': { schema: { type: 'string' } } },
        },
        400: PROBLEM,
        404: PROBLEM,
        429: PROBLEM,
        ...SOURCE_FAILURES,
      },
    },
  },
  '/waste/missed-collections': {
    post: {
      tags: ['waste'],
      operationId: 'reportMissedCollection',
      summary: 'Report a missed collection',
      description:
        'A collection can be reported from the day after it until the end of the second working day after it (weekends and bank holidays excluded), and on collection day itself once the crew has marked it `not_collected`. A collection already reported (same UPRN, service and date) is not stored again: 200 with the first report\'s reference and `duplicate: true`. When contact details are given, a confirmation is sent through GOV.UK Notify (email, and a text to a UK mobile).',
      parameters: [WASTE_IDEMPOTENCY_KEY, WASTE_SUBMISSION_LANG],
      requestBody: body('MissedCollectionRequest'),
      responses: {
        200: json("Already reported: the first report's reference, `duplicate: true`.", 'SubmissionReceipt', REPLAYED),
        201: json('Stored.', 'SubmissionReceipt', REPLAYED),
        400: WASTE_VALIDATION,
        413: PROBLEM,
        415: PROBLEM,
        422: problem_(
          'Well-formed but not allowed now: `report-window-closed` (the collection\'s report window has closed or not opened yet), `subscription-required` (garden waste without an active subscription), or `idempotency-key-reused`.',
        ),
        429: PROBLEM,
      },
    },
  },
  '/waste/container-requests': {
    post: {
      tags: ['waste'],
      operationId: 'requestContainer',
      summary: 'Request a new, replacement or additional container',
      description:
        "The council's charge rule is configuration (by default lost, stolen, damaged and additional rubbish, recycling and garden bins are charged; food caddies and new-property requests are free). When charged, the answer has a `paymentUrl` (https) where the resident pays. With GOV.UK Pay configured the API creates the payment (after storing the request) and `paymentUrl` is its page, with `payment` giving its state, amount and token; GOV.UK Pay unreachable: the request is still accepted, `payment.status` is `not-started`, and POST …/{reference}/payment tries again. Without it, the API never takes payment. The property must have the service (garden waste: an active subscription). When contact details are given, a confirmation is sent through GOV.UK Notify.",
      parameters: [WASTE_IDEMPOTENCY_KEY, WASTE_SUBMISSION_LANG],
      requestBody: body('ContainerRequest'),
      responses: {
        201: json('Stored; `paymentUrl` when the request is charged.', 'SubmissionReceipt', REPLAYED),
        400: WASTE_VALIDATION,
        413: PROBLEM,
        415: PROBLEM,
        422: problem_('Well-formed but not allowed: `subscription-required` (a garden bin without an active subscription) or `idempotency-key-reused`.'),
        429: PROBLEM,
      },
    },
  },
  '/waste/container-requests/{reference}/payment': {
    get: {
      tags: ['waste'],
      operationId: 'getContainerPayment',
      summary: "A charged container request's payment",
      description:
        'Asks GOV.UK Pay how an unfinished payment is going, records what it says (paid, failed, cancelled), and answers its state and amount. The page a resident comes back to from Pay calls this. Only requests recorded paid go to the back office.',
      security: PAYMENT_SECURITY,
      parameters: PAYMENT_PARAMETERS,
      responses: { 200: json('The payment.', 'PaymentState'), 401: problem_('No `Authorization: Bearer <token>` header.'), 404: NO_SUCH_PAYMENT, 429: PROBLEM },
    },
    post: {
      tags: ['waste'],
      operationId: 'retryContainerPayment',
      summary: 'Pay again after an unpaid payment',
      description:
        'Creates a fresh GOV.UK Pay payment when the last one finished unpaid (failed, cancelled, error) or could not be started: 201 with its `paymentUrl`. Never a second live payment: while one is under way, or once paid, answers 200 with it. GOV.UK Pay unreachable: 200 `not-started`. No body; `?lang=cy` for Pay\'s Welsh pages.',
      security: PAYMENT_SECURITY,
      parameters: [...PAYMENT_PARAMETERS, WASTE_LANG],
      responses: {
        200: json('Nothing new: the payment under way, the paid one, or `not-started`.', 'PaymentState'),
        201: json('A fresh payment.', 'PaymentState'),
        401: problem_('No `Authorization: Bearer <token>` header.'),
        404: NO_SUCH_PAYMENT,
        429: PROBLEM,
      },
    },
  },
  '/waste/properties/{uprn}/garden': {
    get: {
      tags: ['waste'],
      operationId: 'getGardenOffer',
      summary: "A property's garden waste subscription, and what subscribing or renewing costs today",
      description:
        'Whether the property can have garden waste (its rounds include the garden service), its subscription (status, bins, until when), and, when it can subscribe or renew now, the period (`starts`, `expires`), the first collection and the price of 1 to `terms.maxBins` bins, worked out by the server (with and without the concession). A new or lapsed subscriber starts today and runs to the end of the subscription year (`terms.yearStart`); under `terms.proRata: monthly` they pay for the months left, this one counted. An active subscription renews for a year from the day after it ends, from `renewFrom` (`GARDEN_RENEWAL_DAYS` before). The terms (concession question, stickers, cancellation and refund rules) are in `?lang=`.',
      parameters: [WASTE_UPRN, WASTE_LANG],
      responses: { 200: json("The property's garden waste offer.", 'GardenOffer'), 400: PROBLEM, 404: PROBLEM, 429: PROBLEM },
    },
  },
  '/waste/garden-subscriptions': {
    post: {
      tags: ['waste'],
      operationId: 'subscribeGardenWaste',
      summary: 'Subscribe to, or renew, garden waste collections',
      description:
        "Priced by the server with the same sums as GET …/garden (the price the resident saw). With GOV.UK Pay configured the API creates the payment after storing the subscription: `paymentUrl` is its page and `payment` its state, amount and token (…/{reference}/payment as a container request's); the subscription runs, and the back office hears of it, once paid. Without it, the back office hears at once and sends the resident a payment link. A confirmation is sent through GOV.UK Notify when contact details are given.",
      parameters: [WASTE_IDEMPOTENCY_KEY, WASTE_SUBMISSION_LANG],
      requestBody: body('GardenSubscriptionRequest'),
      responses: {
        201: json('Stored.', 'GardenReceipt', REPLAYED),
        400: WASTE_VALIDATION,
        413: PROBLEM,
        415: PROBLEM,
        422: problem_(
          'Well-formed but not allowed: `garden-not-available` (no garden collection at this property), `garden-already-subscribed` (active and renewal not open yet), more bins than `terms.maxBins`, a concession where the council has none, or `idempotency-key-reused`.',
        ),
        429: PROBLEM,
      },
    },
  },
  '/waste/garden-subscriptions/{reference}/payment': {
    get: {
      tags: ['waste'],
      operationId: 'getGardenPayment',
      summary: "A garden waste subscription's payment",
      description: "As a container request's payment: asks GOV.UK Pay how it is going and records it. Once paid, the property's subscription runs to the new end date and the subscription goes to the back office.",
      security: PAYMENT_SECURITY,
      parameters: PAYMENT_PARAMETERS,
      responses: { 200: json('The payment.', 'PaymentState'), 401: problem_('No `Authorization: Bearer <token>` header.'), 404: NO_SUCH_PAYMENT, 429: PROBLEM },
    },
    post: {
      tags: ['waste'],
      operationId: 'retryGardenPayment',
      summary: 'Pay again after an unpaid payment',
      description: "As a container request's: a fresh payment when the last finished unpaid (201), never a second live one (200).",
      security: PAYMENT_SECURITY,
      parameters: [...PAYMENT_PARAMETERS, WASTE_LANG],
      responses: {
        200: json('Nothing new: the payment under way, the paid one, or `not-started`.', 'PaymentState'),
        201: json('A fresh payment.', 'PaymentState'),
        401: problem_('No `Authorization: Bearer <token>` header.'),
        404: NO_SUCH_PAYMENT,
        429: PROBLEM,
      },
    },
  },
  '/': {
    servers: ORUK_SERVERS,
    get: {
      tags: ['directory'],
      operationId: 'getOrukApiDetails',
      summary: 'ORUK API details',
      description: 'Which HSDS/ORUK version and profile this API implements, and where its OpenAPI document is (this document, also served at /oruk/openapi.json).',
      responses: { 200: json('API details.', 'OrukApiDetails'), 429: PROBLEM },
    },
  },
  '/services': {
    servers: ORUK_SERVERS,
    get: {
      tags: ['directory'],
      operationId: 'listOrukServices',
      summary: 'Search services',
      description:
        `A page of services, fully nested (organisation, locations, schedules, contacts, phones, costs, categories, languages). Without \`search\` or \`postcode\`: by name. With \`postcode\`: each service once, at the distance of its nearest location, nearest first. ${ORUK_NOT_HONOURED}`,
      parameters: [
        ORUK_SEARCH,
        ORUK_TAXONOMY,
        ORUK_TAXONOMY_ID,
        ORUK_ORGANIZATION_ID,
        ORUK_MODIFIED_AFTER,
        orukBoolean('minimal', 'Only `id` and `last_modified` for each service (`OrukMinimalService`), up to 10000 a page: for deciding what to fetch again.'),
        ORUK_FULL,
        ...ORUK_UK_FILTERS,
        ORUK_PAGE,
        ORUK_PER_PAGE,
        ORUK_FORMAT,
        ORUK_POSTCODE,
        ORUK_PROXIMITY,
      ],
      responses: { 200: json('A page of services (with `minimal=true`, of `OrukMinimalService`).', 'OrukServicePage'), 400: PROBLEM, 422: PROBLEM, 429: PROBLEM },
    },
  },
  '/services/{id}': {
    servers: ORUK_SERVERS,
    get: {
      tags: ['directory'],
      operationId: 'getOrukService',
      summary: 'A service, fully nested',
      parameters: [{ name: 'id', in: 'path', required: true, description: "The service's id. Not a UUID: 400; unknown: 404.", schema: { type: 'string', format: 'uuid' } }],
      responses: { 200: json('The service.', 'OrukService'), 400: PROBLEM, 404: PROBLEM, 429: PROBLEM },
    },
  },
  '/service_at_locations/{id}': orukRecord('service at location', 'getOrukServiceAtLocation', 'OrukServiceAtLocationItem'),
  '/taxonomy_terms/{id}': orukRecord('taxonomy term', 'getOrukTaxonomyTerm', 'OrukTaxonomyTerm'),
  '/taxonomies': {
    servers: ORUK_SERVERS,
    get: {
      tags: ['directory'],
      operationId: 'listOrukTaxonomies',
      summary: 'Taxonomies',
      description: `The vocabularies the taxonomy terms come from. ${ORUK_NOT_HONOURED}`,
      parameters: [ORUK_PAGE, ORUK_PER_PAGE, ORUK_FORMAT],
      responses: { 200: json('A page of taxonomies.', 'OrukTaxonomyPage'), 400: PROBLEM, 429: PROBLEM },
    },
  },
  '/taxonomies/{id}': orukRecord('taxonomy', 'getOrukTaxonomy', 'OrukTaxonomy'),
  '/organizations': {
    servers: ORUK_SERVERS,
    get: {
      tags: ['directory'],
      operationId: 'listOrukOrganizations',
      summary: 'Organisations',
      description: `The organisations providing services, by name, without their services (see /organizations/{id}). ${ORUK_NOT_HONOURED}`,
      parameters: [
        { name: 'search', in: 'query', required: false, description: 'Only organisations with these characters in their name (any case).', schema: { type: 'string', maxLength: 200 } },
        orukBoolean('full_service', 'Accepted as `true` only: /organizations/{id} always nests its services in full.'),
        ORUK_PAGE,
        ORUK_PER_PAGE,
        ORUK_FORMAT,
      ],
      responses: { 200: json('A page of organisations.', 'OrukOrganizationPage'), 400: PROBLEM, 429: PROBLEM },
    },
  },
  '/organizations/{id}': orukRecord('organization', 'getOrukOrganization', 'OrukOrganizationWithServices', [
    orukBoolean('full_service', 'The services are always fully nested: `true` is accepted, `false` cannot be honoured (400).'),
  ]),
  '/service_at_locations': {
    servers: ORUK_SERVERS,
    get: {
      tags: ['directory'],
      operationId: 'listOrukServiceAtLocations',
      summary: 'Services at locations, by distance from a postcode',
      description:
        "One item per service per location, each with its service (nested, without `service_at_locations`) and its location. This is where distance search lives: with `postcode` (and usually `proximity`) the items come nearest first with `distance` in metres (an extension, like Outpost's `distance_away`). Without a postcode: best match first when searching, else by service name.",
      parameters: [
        ORUK_SEARCH,
        ORUK_TAXONOMY,
        ORUK_TAXONOMY_ID,
        ORUK_ORGANIZATION_ID,
        ORUK_MODIFIED_AFTER,
        ORUK_FULL,
        ...ORUK_UK_FILTERS,
        ORUK_POSTCODE,
        ORUK_PROXIMITY,
        ORUK_PAGE,
        ORUK_PER_PAGE,
        ORUK_FORMAT,
      ],
      responses: { 200: json('A page of services at locations.', 'OrukServiceAtLocationPage'), 400: PROBLEM, 422: PROBLEM, 429: PROBLEM },
    },
  },
  '/taxonomy_terms': {
    servers: ORUK_SERVERS,
    get: {
      tags: ['directory'],
      operationId: 'listOrukTaxonomyTerms',
      summary: 'Categories',
      description: `The directory's categories: broader terms first, each followed by its narrower ones (\`parent_id\`). ${ORUK_NOT_HONOURED}`,
      parameters: [
        { name: 'search', in: 'query', required: false, description: 'Only terms whose name, description or code hold every word (any case).', schema: { type: 'string', maxLength: 200 } },
        orukUuid('taxonomy_id', 'Only the terms of this taxonomy (see /taxonomies).'),
        orukBoolean('top_only', 'Only the top-level terms (no parent).'),
        { name: 'parent_id', in: 'query', required: false, description: 'Only the terms directly under this term.', schema: { type: 'string', format: 'uuid' } },
        ORUK_PAGE,
        ORUK_PER_PAGE,
        ORUK_FORMAT,
      ],
      responses: { 200: json('A page of taxonomy terms.', 'OrukTaxonomyTermPage'), 400: PROBLEM, 429: PROBLEM },
    },
  },
  '/repairs/catalogue': {
    get: {
      tags: ['repairs'],
      operationId: 'getRepairCatalogue',
      summary: "The council's repairs catalogue",
      description:
        'Configuration, not code: the emergency questions, then where → what → which best describes it, each leaf with its SOR code, trade, priority, target days, photo wanted, eligibility and outcome. A council loads its own with `REPAIRS_CATALOGUE_FILE` (checked against `@council-kit/contracts/schema/repair-catalogue.json` rules at start). Cacheable: `ETag` from the version and content, `If-None-Match` answers 304.',
      responses: {
        200: json('The catalogue.', 'RepairCatalogue', {
          ETag: { description: "The catalogue's version and a hash of its content.", schema: { type: 'string' } },
          'Cache-Control': { schema: { type: 'string' } },
        }),
        304: { description: 'Not modified since the ETag sent in If-None-Match.' },
        429: PROBLEM,
        503: problem_('No catalogue loaded yet.'),
      },
    },
  },
  '/repairs/properties/{uprn}': {
    get: {
      tags: ['repairs'],
      operationId: 'getRepairProperty',
      summary: 'Whether a home can report repairs online, and the communal repairs already reported in its block',
      parameters: [{ name: 'uprn', in: 'path', required: true, schema: { type: 'string', ...UPRN } }, REPAIRS_LANG],
      responses: {
        200: json('The property. `councilOwned: false` (a private home): report to the landlord; `communalRepairs` is then empty.', 'RepairProperty'),
        400: PROBLEM,
        404: NO_SUCH_PROPERTY,
        429: PROBLEM,
      },
    },
  },
  '/repairs/slots': {
    get: {
      tags: ['repairs'],
      operationId: 'getRepairSlots',
      summary: 'Free appointment slots for a repair',
      description:
        'Free slots (morning, afternoon or all day) for the trade of the leaf with this SOR code, from the next working day (weekends and bank holidays excluded) to `weeks` weeks ahead. Emergency and urgent jobs, and jobs the catalogue does not book online, answer `callBack: true` with no slots; so does a window with no free slot.',
      parameters: [
        { name: 'sor', in: 'query', required: true, description: "The leaf's SOR code.", schema: { type: 'string' } },
        { name: 'uprn', in: 'query', required: true, schema: { type: 'string', ...UPRN } },
        { name: 'weeks', in: 'query', required: false, description: 'How far ahead: 1 to 6 weeks (default 2).', schema: { type: 'integer', minimum: 1, maximum: 6, default: 2 } },
      ],
      responses: {
        200: json('Free slots, or a call back.', 'RepairSlots'),
        400: problem_('Missing or malformed parameters, or an SOR code the catalogue does not have (problem type `validation`).'),
        404: NO_SUCH_PROPERTY,
        422: problem_('Not a council home (`not-council-property`).'),
        429: PROBLEM,
      },
    },
  },
  '/repairs/photos': {
    post: {
      tags: ['repairs'],
      operationId: 'uploadRepairPhoto',
      summary: 'Upload one photo for a repair',
      description:
        "The body is the photo's bytes (at most 10 MB, or the catalogue's `maxPhotoBytes` when lower). What the bytes are decides: a whole JPEG or PNG is accepted whatever the header says among image/jpeg and image/png; anything else (HTML, SVG, archives, executables, files cut short) is refused. The id is random and unguessable; photos are never served back by any route. A photo not attached to a repair within 24 hours is deleted.",
      requestBody: {
        required: true,
        content: {
          'image/jpeg': { schema: { type: 'string', contentMediaType: 'image/jpeg' } },
          'image/png': { schema: { type: 'string', contentMediaType: 'image/png' } },
        },
      },
      responses: {
        201: json('Stored.', 'PhotoReceipt'),
        400: problem_('Empty body.'),
        413: problem_('Over the size limit (`payload-too-large`).'),
        415: problem_('Not a whole JPEG or PNG (`unsupported-media-type`).'),
        429: PROBLEM,
      },
    },
  },
  '/repairs': {
    post: {
      tags: ['repairs'],
      operationId: 'reportRepair',
      summary: 'Report a repair',
      description:
        'Checks that the council owns the property, that the leaf exists and this reporter may report it online (leaseholders: communal repairs only; emergencies and `contact-us` leaves: not online), the description (1 to `maxDescription` characters), photos (at most `maxPhotos`, each uploaded and not yet attached), and the contact preference with its detail (text: a UK mobile; email: an address; phone: a UK number). With `slotId` (only for leaves booked online) the slot is booked atomically in the same transaction: status `booked`; without it, `awaiting-appointment`. The target date is the reported date plus the leaf\'s target days in working days. A confirmation goes through GOV.UK Notify (a text or an email, by preference; nothing for phone).',
      parameters: [
        idempotencyKey(
          true,
          'Required: one key per repair (1–255 visible ASCII characters, e.g. a UUID). The same key with the same body replays the first answer (`Idempotent-Replayed: true`) and books nothing more; with another body, 422 `idempotency-key-reused`. Refused requests are not kept.',
        ),
        REPAIRS_LANG,
      ],
      requestBody: body('RepairRequest'),
      responses: {
        201: json('Reported, with the manage token (given only here).', 'ReportedRepair', REPLAYED),
        400: problem_(
          'Not valid (problem type `validation`, with `errors: [{ path, message }]`): a missing Idempotency-Key, a bad field, an unknown UPRN or leaf, a photo not found or already used, an appointment not offered for this repair.',
        ),
        409: problem_('The slot was taken first, or has passed (`slot-taken`): choose another.'),
        413: PROBLEM,
        415: PROBLEM,
        422: problem_('`not-council-property`, `not-eligible` (with the reason in `detail`) or `idempotency-key-reused`.'),
        429: PROBLEM,
      },
    },
  },
  '/repairs/{reference}': {
    get: {
      tags: ['repairs'],
      operationId: 'getRepair',
      summary: 'A repair, with its manage token',
      description: 'Everything about the repair, its description included: only for the manage token given when it was reported.',
      security: MANAGE_SECURITY,
      parameters: REPAIR_PARAMETERS,
      responses: { 200: json('The repair.', 'Repair'), 401: MANAGE_TOKEN_REQUIRED, 403: MANAGE_LINK_EXPIRED, 404: NO_SUCH_REPAIR, 429: PROBLEM },
    },
    patch: {
      tags: ['repairs'],
      operationId: 'rescheduleRepair',
      summary: "Move (or first book) a repair's appointment",
      description: 'Books the new slot and releases the old one in one transaction. Moving to the slot it already has changes nothing (200). Only for repairs booked online, and only with the manage token.',
      security: MANAGE_SECURITY,
      parameters: [...REPAIR_PARAMETERS, REPAIR_IDEMPOTENCY_KEY],
      requestBody: body('RescheduleRequest'),
      responses: {
        200: json('Moved; a confirmation is sent.', 'Repair', REPLAYED),
        400: PROBLEM,
        401: MANAGE_TOKEN_REQUIRED,
        403: MANAGE_LINK_EXPIRED,
        404: NO_SUCH_REPAIR,
        409: problem_('The new slot is taken (`slot-taken`); the old appointment stands.'),
        415: PROBLEM,
        422: problem_('`not-eligible` (the council arranges this job by phone).'),
        429: PROBLEM,
      },
    },
    delete: {
      tags: ['repairs'],
      operationId: 'cancelRepair',
      summary: 'Cancel a repair, with a reason',
      description: 'Cancels and releases the slot; a confirmation is sent, and the manage token stops working. Only with the manage token. The body is JSON.',
      security: MANAGE_SECURITY,
      parameters: [...REPAIR_PARAMETERS, REPAIR_IDEMPOTENCY_KEY],
      requestBody: body('CancelRequest'),
      responses: {
        200: json('Cancelled.', 'Repair', REPLAYED),
        400: PROBLEM,
        401: MANAGE_TOKEN_REQUIRED,
        403: MANAGE_LINK_EXPIRED,
        404: NO_SUCH_REPAIR,
        415: PROBLEM,
        429: PROBLEM,
      },
    },
  },
  '/repairs/{reference}/status': {
    get: {
      tags: ['repairs'],
      operationId: 'getRepairStatus',
      summary: "A repair's status, by reference and postcode",
      description:
        "For a resident without the manage link: confirms a repair with this reference exists at this postcode and gives its status, nothing else (a block's neighbours share its postcode). No token needed.",
      parameters: [
        REPAIR_REFERENCE,
        {
          name: 'postcode',
          in: 'query',
          required: true,
          description: "The postcode of the repair's property, in any case and spacing.",
          schema: { type: 'string', maxLength: 16 },
        },
      ],
      responses: { 200: json('It exists; its status.', 'RepairStatusSummary'), 400: problem_('Missing or invalid postcode.'), 404: NO_SUCH_REPAIR, 429: PROBLEM },
    },
  },
  '/repairs/{reference}/code': {
    post: {
      tags: ['repairs'],
      operationId: 'sendRepairCode',
      summary: 'Send a one-time code to the contact details on a repair',
      description:
        "For a resident without the manage link: when the reference and postcode match an open repair with an email address or a mobile on it, a 6-digit code goes there through GOV.UK Notify (email first, when the resident chose email or gave no mobile). It works for 15 minutes, once, and for 5 tries; a new code replaces the old. Asking again within a minute of the last code sends nothing new and answers the same. The answer says where the code went, masked; a reference and postcode that do not match get the status route's 404 (the status route already tells whether they match). The message is in the language asked for (`lang`).",
      parameters: REPAIR_PARAMETERS,
      requestBody: body('ManageCodeRequest'),
      responses: {
        202: json('Sent (or, within a minute of the last one, that one still stands).', 'ManageCodeSent'),
        400: POSTCODE_BODY_INVALID,
        404: NO_SUCH_REPAIR,
        415: PROBLEM,
        422: problem_('`repair-closed` (nothing to change), or `no-contact-details`: no email address or mobile on the repair, so the resident calls the council.'),
        429: PROBLEM,
      },
    },
  },
  '/repairs/{reference}/token': {
    post: {
      tags: ['repairs'],
      operationId: 'exchangeRepairCode',
      summary: 'Exchange a one-time code for a manage token',
      description:
        'The reference, the postcode and the code sent by `POST /repairs/{reference}/code`: right and unexpired, the code is used up and a new manage token is answered. The token works beside the one given when the repair was reported.',
      parameters: [REPAIR_REFERENCE],
      requestBody: body('ManageTokenRequest'),
      responses: {
        201: json('The manage token.', 'ManageTokenGrant'),
        400: POSTCODE_BODY_INVALID,
        415: PROBLEM,
        422: CODE_NOT_VALID,
        429: PROBLEM,
      },
    },
  },
  // Bulky waste (issue 18): the catalogue, dates with room, booking, and managing a booking with its manage token.
  '/waste/bulky/catalogue': {
    get: {
      tags: ['waste'],
      operationId: 'getBulkyCatalogue',
      summary: "The council's bulky waste items, prices and rules",
      description:
        "Configuration (`BULKY_CATALOGUE_FILE`, else Anytown's): the items collected, each with English and Welsh labels, a price in pence and the slots of a crew's day it takes; the items refused, with where to take them instead; the most items in one booking; the crew's slots per day; how many weeks ahead dates are offered; and the cut-off for changes (`cutoffTime`, Europe/London, `cutoffWorkingDays` working days before the collection).",
      responses: { 200: json('The catalogue.', 'BulkyCatalogue'), 429: PROBLEM },
    },
  },
  '/waste/properties/{uprn}/bulky-dates': {
    get: {
      tags: ['waste'],
      operationId: 'getBulkyDates',
      summary: 'Collection dates with room for these items',
      description:
        "The property's collection weekday (its household rounds'), every week on working days from tomorrow for the catalogue's `weeksAhead` weeks, whose cut-off has not passed and whose crew has slots left for the items. A property with communal bins or trade waste: 422 `bulky-not-served`.",
      parameters: [
        WASTE_UPRN,
        { name: 'items', in: 'query', required: false, description: 'The items, as `id:quantity` separated by commas (`sofa:1,mattress:2`; a bare id is one). Absent: any date with a slot left.', schema: { type: 'string' } },
        WASTE_LANG,
      ],
      responses: { 200: json('The dates, soonest first.', 'BulkyDates'), 400: PROBLEM, 404: NO_SUCH_PROPERTY, 422: problem_('`item-refused` (with where to take it instead) or `bulky-not-served`.'), 429: PROBLEM },
    },
  },
  '/waste/bulky-bookings': {
    post: {
      tags: ['waste'],
      operationId: 'bookBulkyCollection',
      summary: 'Book a bulky waste collection',
      description:
        "Checks the items against the catalogue, the date against the property's offered dates, then takes the crew's slots with one conditional update (never oversold, on either database or across instances): a date filled meanwhile, or whose cut-off has just passed, is 409 `date-full` (choose another). Answers the reference, the amount in pence, the `paymentUrl` when charged (the council's payment page, `PAYMENT_URL_BASE`; with GOV.UK Pay configured, Pay's page, with `payment` giving its state, amount and token, …/{reference}/payment as a container request's, and the back office hears of the booking once it is paid), and the booking's manage token, only in this answer (the API keeps its SHA-256). A confirmation goes through GOV.UK Notify when contact details are given, with the manage link when `BULKY_MANAGE_URL` is set.",
      parameters: [WASTE_IDEMPOTENCY_KEY, WASTE_SUBMISSION_LANG],
      requestBody: body('BulkyBookingRequest'),
      responses: {
        201: json('Booked.', 'BulkyBookingReceipt', REPLAYED),
        400: WASTE_VALIDATION,
        409: problem_('`date-full`: the date has no room left for these items, or can no longer be booked: choose another.'),
        413: PROBLEM,
        415: PROBLEM,
        422: problem_('`item-refused` (with where to take it instead), `bulky-not-served`, or `idempotency-key-reused`.'),
        429: PROBLEM,
      },
    },
  },
  '/waste/bulky-bookings/{reference}/payment': {
    get: {
      tags: ['waste'],
      operationId: 'getBulkyPayment',
      summary: "A bulky waste booking's payment",
      description: "As a container request's payment: asks GOV.UK Pay how it is going and records it. Once paid, the booking goes to the back office. A cancelled booking has nothing to pay (404).",
      security: PAYMENT_SECURITY,
      parameters: PAYMENT_PARAMETERS,
      responses: { 200: json('The payment.', 'PaymentState'), 401: problem_('No `Authorization: Bearer <token>` header.'), 404: NO_SUCH_PAYMENT, 429: PROBLEM },
    },
    post: {
      tags: ['waste'],
      operationId: 'retryBulkyPayment',
      summary: 'Pay again after an unpaid payment',
      description: "As a container request's: a fresh payment when the last finished unpaid (201), never a second live one (200).",
      security: PAYMENT_SECURITY,
      parameters: [...PAYMENT_PARAMETERS, WASTE_LANG],
      responses: {
        200: json('Nothing new: the payment under way, the paid one, or `not-started`.', 'PaymentState'),
        201: json('A fresh payment.', 'PaymentState'),
        401: problem_('No `Authorization: Bearer <token>` header.'),
        404: NO_SUCH_PAYMENT,
        429: PROBLEM,
      },
    },
  },
  '/waste/bulky-bookings/{reference}': {
    get: {
      tags: ['waste'],
      operationId: 'getBulkyBooking',
      summary: 'A bulky waste booking, with its manage token',
      description: 'The booking, and until when it can be changed or cancelled. Only with the manage token (the same rules as a repair: 401 without it, one 404 for a wrong token or unknown reference, 429 after 5 wrong tries).',
      security: MANAGE_SECURITY,
      parameters: [{ ...REPAIR_REFERENCE, description: "The booking's reference." }, REPAIRS_LANG],
      responses: { 200: json('The booking.', 'BulkyBooking'), 401: MANAGE_TOKEN_REQUIRED, 403: problem_('`manage-link-expired`: the booking is cancelled or collected.'), 404: problem_('No such booking, or a wrong token.'), 429: PROBLEM },
    },
    patch: {
      tags: ['waste'],
      operationId: 'changeBulkyBooking',
      summary: 'Move a bulky waste booking to another date',
      description: 'Takes the slots on the new date and gives back the old ones in one transaction; before the cut-off only. Only with the manage token.',
      security: MANAGE_SECURITY,
      parameters: [{ ...REPAIR_REFERENCE, description: "The booking's reference." }, REPAIRS_LANG, REPAIR_IDEMPOTENCY_KEY],
      requestBody: body('BulkyChangeRequest'),
      responses: {
        200: json('Moved; a confirmation is sent.', 'BulkyBooking', REPLAYED),
        400: PROBLEM,
        401: MANAGE_TOKEN_REQUIRED,
        403: problem_('`manage-link-expired`.'),
        404: problem_('No such booking, or a wrong token.'),
        409: problem_('`date-full`: the new date has no room; the booking stands.'),
        415: PROBLEM,
        422: problem_('`change-closed`: the cut-off has passed.'),
        429: PROBLEM,
      },
    },
    delete: {
      tags: ['waste'],
      operationId: 'cancelBulkyBooking',
      summary: 'Cancel a bulky waste booking',
      description: 'Cancels and gives the slots back; before the cut-off only. The body is an empty JSON object. The manage token stops working.',
      security: MANAGE_SECURITY,
      parameters: [{ ...REPAIR_REFERENCE, description: "The booking's reference." }, REPAIRS_LANG, REPAIR_IDEMPOTENCY_KEY],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', additionalProperties: false } } } },
      responses: {
        200: json('Cancelled.', 'BulkyBooking', REPLAYED),
        400: PROBLEM,
        401: MANAGE_TOKEN_REQUIRED,
        403: problem_('`manage-link-expired`.'),
        404: problem_('No such booking, or a wrong token.'),
        415: PROBLEM,
        422: problem_('`change-closed`: the cut-off has passed.'),
        429: PROBLEM,
      },
    },
  },
};

// The directory in Welsh (issue 15): every /oruk operation but the root takes `lang`.
const ORUK_LANG: Json = {
  name: 'lang',
  in: 'query',
  required: false,
  description:
    "The answer's language: `en` (the default) or `cy`. Without it, the first language of `Accept-Language`. A Welsh answer has the Welsh name and description of each service and taxonomy term where the directory has one, and marks every service, term, organisation and location with `language` (`cy`, or `en` for English kept where there is no Welsh version). Anything else: 400.",
  schema: { type: 'string', enum: ['en', 'cy'] },
};
for (const item of Object.values(paths)) {
  const operation = item.get as Json | undefined;
  const parameters = operation?.parameters;
  if (item.servers === ORUK_SERVERS && Array.isArray(parameters) && !parameters.includes(ORUK_LANG)) parameters.push(ORUK_LANG);
}

/** The whole document, as `openapi/council-api.json` should hold it. */
export function openApiDocument(): Json {
  const refs = new Map(components.map(([name, schema]) => [schema, name]));
  const schemas: Record<string, Json> = {};
  for (const [name, schema, request] of components) {
    schemas[name] = annotate(name, toJsonSchema(schema, { refs, strict: request }));
    // The ORUK shapes sit after the waste ones, as they always have.
    if (name == 'SubmissionReceipt') Object.assign(schemas, structuredClone(orukSchemas));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Council Kit reference council API',
      version: '1.0.0',
      description:
        'The contracts every Council Kit element calls. JSON throughout; dates are YYYY-MM-DD in Europe/London; errors are RFC 9457 problem details with a stable type per error.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'addresses', description: 'Find an address by postcode.' },
      { name: 'waste', description: 'Bin collections, missed collections and container requests.' },
      { name: 'directory', description: 'The service directory as Open Referral UK API v3, under /oruk (not /api/v1): public, no API key, CORS *.' },
      { name: 'repairs', description: 'Housing repairs: the catalogue, eligibility, appointment slots, photos, and reporting, moving and cancelling a repair.' },
    ],
    paths: structuredClone(paths),
    components: {
      schemas,
      responses: { Problem: { description: 'RFC 9457 problem details.', content: { 'application/problem+json': { schema: schemaRef('Problem') } } } },
      securitySchemes: {
        paymentToken: {
          type: 'http',
          scheme: 'bearer',
          description: "A charged container request's payment token, from its receipt or GOV.UK Pay's return link (`?payment=…&token=…`).",
        },
        manageToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A repair's manage token, from POST /repairs (at least 128 random bits; the API stores only its SHA-256 hash and compares in constant time). Sent in the Authorization header, never in a query string, so it is never logged.",
        },
      },
    },
  };
}

/**
 * The document as the committed file holds it: JSON, two-space indents, each object or array on
 * one line when it fits in 160 columns (as Prettier would), so a change reads as a small diff.
 */
export function formatDocument(document: unknown): string {
  const write = (value: unknown, indent: string, room: number): string => {
    const line = pretty(value);
    if (typeof value != 'object' || value === null || line.length <= room) return line;
    const inner = `${indent}  `;
    const items = Array.isArray(value)
      ? value.map((item) => inner + write(item, inner, 160 - inner.length))
      : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner, 160 - inner.length - JSON.stringify(key).length - 2)}`);
    return Array.isArray(value) ? `[\n${items.join(',\n')}\n${indent}]` : `{\n${items.join(',\n')}\n${indent}}`;
  };
  return `${write(document, '', 160)}\n`;
}

/** One line, Prettier's spacing: `{ "a": [1, 2] }`, `[]`, `{}`. */
function pretty(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pretty).join(', ')}]`;
  if (typeof value == 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${pretty(item)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}
