import { findLeaf, isValidPostcode, leafOutcome, type RepairCatalogue, type RepairSlots } from '@council-kit/contracts';
import { Hono, type Context } from 'hono';
import type { Clock } from '../clock.js';
import type { CouncilDb } from '../db/database.js';
import type { BankHolidayDivision } from '../db/import-tables.js';
import type { FieldError } from '../http/fields.js';
import { handleJsonCommand } from '../http/json-command.js';
import { isLang, type Lang } from '../http/lang.js';
import { bodyLimit } from '../http/middleware/body-limit.js';
import type { RateLimitStore } from '../http/middleware/rate-limit-store.js';
import { problemResponse, problems } from '../http/problems.js';
import { checkLang, checkUprn } from '../http/query.js';
import type { Logger } from '../logger.js';
import type { Notifier, NotifyTemplates } from '../notify.js';
import { authoriseManage, findStatus } from './access.js';
import { addCodeRoutes } from './code-routes.js';
import { currentCatalogue } from './catalogue-store.js';
import { GuessLimit } from '../http/guess-limit.js';
import { detectImage } from './images.js';
import { storePhoto } from './photos.js';
import { repairProblems } from './problems.js';
import { councilOwnership, repairProperty } from './property.js';
import { parseCancel, parseRepairRequest, parseReschedule } from './requests.js';
import { cancelRepair, findRepairRow, reportRepair, rescheduleRepair, toRepair, type RepairDeps } from './service.js';
import { DEFAULT_WEEKS, freeSlots, MAX_WEEKS } from './slots.js';

export interface RepairRoutesOptions {
  db: CouncilDb;
  clock: Clock;
  notifier: Notifier;
  templates: NotifyTemplates;
  logger: Logger;
  newReference?: () => string;
  newManageToken?: () => string;
  /** Makes one-time codes (default: 6 digits from node:crypto). */
  newManageCode?: () => string;
  /** The council's page with `<council-repair-appointment>`: the confirmation carries the manage link to it (`REPAIRS_MANAGE_URL`). */
  manageUrl?: string;
  /** Where wrong guesses at a repair are counted (the app's rate-limit store, shared by instances on PostgreSQL). */
  rateLimitStore: RateLimitStore;
  /** Trust `X-Forwarded-For` for the client's address when counting wrong guesses. */
  trustProxy: boolean;
  /** Whose bank holidays a target date's working days skip (`BANK_HOLIDAY_DIVISION`). */
  bankHolidayDivision?: BankHolidayDivision;
}

/** The photo upload path, which the app-wide body limit leaves to {@link MAX_PHOTO_BYTES}. */
export const REPAIR_PHOTOS_PATH = '/api/v1/repairs/photos';
/** The most any catalogue may allow per photo (its `maxPhotoBytes` can only lower it). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

const noStore = { 'Cache-Control': 'no-store' };

/** The housing repairs contract: catalogue, property, slots, photos, and reporting, moving and cancelling a repair. */
export function repairRoutes(options: RepairRoutesOptions): Hono {
  const { db, clock } = options;
  const deps: RepairDeps = options;
  const guesses = new GuessLimit({ store: options.rateLimitStore, trustProxy: options.trustProxy });
  const app = new Hono();

  app.get('/repairs/catalogue', async (c) => {
    const stored = await currentCatalogue(db);
    if (!stored) return problemResponse(repairProblems.catalogueMissing());
    // Residents may fetch it on every page; it changes rarely and its ETag moves with it.
    const headers = { ETag: stored.etag, 'Cache-Control': 'public, max-age=300, stale-while-revalidate=3600' };
    const match = c.req.header('If-None-Match');
    if (match && match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === stored.etag)) return c.body(null, 304, headers);
    return c.json(stored.catalogue, 200, headers);
  });

  app.get('/repairs/properties/:uprn', async (c) => {
    const errors: FieldError[] = [];
    const uprn = checkUprn(c.req.param('uprn'), errors);
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length || !uprn) return problemResponse(problems.validation('The request is not valid.', errors));
    const property = await repairProperty(db, uprn, lang);
    if (!property) return problemResponse(problems.propertyNotFound());
    return c.json(property, 200, noStore);
  });

  app.get('/repairs/slots', async (c) => {
    const errors: FieldError[] = [];
    const sor = c.req.query('sor');
    if (!sor || !/^[A-Za-z0-9][A-Za-z0-9./-]{0,19}$/.test(sor)) errors.push({ path: '/sor', message: 'Give the repair’s SOR code from the catalogue' });
    const uprn = checkUprn(c.req.query('uprn') ?? '', errors);
    const weeksText = c.req.query('weeks');
    const weeks = weeksText === undefined || weeksText === '' ? DEFAULT_WEEKS : Number(weeksText);
    if (!/^\d{1,2}$/.test(weeksText ?? '1') || !Number.isInteger(weeks) || weeks < 1 || weeks > MAX_WEEKS) {
      errors.push({ path: '/weeks', message: `Ask for 1 to ${MAX_WEEKS} weeks` });
    }
    const stored = await currentCatalogue(db);
    if (!stored) return problemResponse(repairProblems.catalogueMissing());
    const leaf = sor ? leafBySor(stored.catalogue, sor) : undefined;
    if (!errors.length && !leaf) errors.push({ path: '/sor', message: 'No repair in the council’s catalogue has this SOR code' });
    if (errors.length || !uprn || !leaf) return problemResponse(problems.validation('The request is not valid.', errors));

    const councilOwned = await councilOwnership(db, uprn);
    if (councilOwned === undefined) return problemResponse(problems.propertyNotFound());
    if (!councilOwned) return problemResponse(repairProblems.notCouncilProperty());

    // Emergency and urgent jobs are arranged by phone; so is anything the catalogue says is not booked online.
    const bookable = leafOutcome(leaf, 'tenant') === 'book' || leafOutcome(leaf, 'leaseholder') === 'book';
    const slots = bookable ? await freeSlots(db, leaf.trade, clock.today(), weeks) : [];
    const body: RepairSlots = { sor: leaf.sor, priority: leaf.priority, callBack: !slots.length, slots };
    return c.json(body, 200, noStore);
  });

  app.post('/repairs/photos', bodyLimit(MAX_PHOTO_BYTES), async (c) => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!['image/jpeg', 'image/jpg', 'image/png'].includes(type)) return problemResponse(repairProblems.notAnImage());
    const stored = await currentCatalogue(db);
    if (!stored) return problemResponse(repairProblems.catalogueMissing());
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const limit = Math.min(MAX_PHOTO_BYTES, stored.catalogue.maxPhotoBytes);
    if (bytes.byteLength > limit) return problemResponse(problems.payloadTooLarge(limit));
    if (!bytes.byteLength) return problemResponse(problems.validation('The request body is empty.', [{ path: '', message: 'Send the photo as the request body' }]));
    // What the bytes are decides, not the header: a PNG sent as image/jpeg is still a PNG photo.
    const detected = detectImage(bytes);
    if (!detected) return problemResponse(repairProblems.notAnImage());
    const photoId = await storePhoto(db, bytes, detected, clock.now());
    return c.json({ photoId }, 201, noStore);
  });

  app.post('/repairs', async (c) => {
    const lang = langOf(c);
    if (!lang) return problemResponse(problems.validation('The request is not valid.', [{ path: '/lang', message: 'The language must be en or cy' }]));
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) {
      return problemResponse(
        problems.validation('Send an Idempotency-Key with every new repair, so a retried request cannot report it twice.', [
          { path: '/headers/Idempotency-Key', message: 'Add an Idempotency-Key header, such as a UUID' },
        ]),
      );
    }
    const stored = await currentCatalogue(db);
    if (!stored) return problemResponse(repairProblems.catalogueMissing());
    return handleJsonCommand(c, {
      scope: 'POST /repairs',
      // The catalogue's limits (description length, photos); its schema is built once per catalogue.
      parse: (body) => parseRepairRequest(body, stored.catalogue),
      run: (request, idempotency) => reportRepair(deps, request, idempotency, lang),
    });
  });

  // Reading, moving and cancelling need the repair's manage token (see access.ts); the token
  // comes only in the Authorization header, which the request log never writes.
  app.get('/repairs/:reference', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const access = await authoriseManage(c, db, guesses, c.req.param('reference'));
    if ('problem' in access) return problemResponse(access.problem, access.headers);
    const row = await findRepairRow(db, access.reference);
    if (!row) return problemResponse(repairProblems.repairNotFound());
    return c.json(toRepair(row, lang), 200, noStore);
  });

  app.get('/repairs/:reference/status', async (c) => {
    const errors: FieldError[] = [];
    const postcode = checkPostcode(c.req.query('postcode'), errors);
    if (errors.length || !postcode) return problemResponse(problems.validation('The request is not valid.', errors));
    const found = await findStatus(c, db, guesses, c.req.param('reference'), postcode);
    if ('problem' in found) return problemResponse(found.problem, found.headers);
    return c.json(found.summary, 200, noStore);
  });

  // Without the manage link: a one-time code to the contact details on the repair (code-routes.ts).
  addCodeRoutes(app, options, guesses);

  app.patch('/repairs/:reference', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const access = await authoriseManage(c, db, guesses, c.req.param('reference'));
    if ('problem' in access) return problemResponse(access.problem, access.headers);
    return handleJsonCommand(c, {
      scope: `PATCH /repairs/${access.reference}`,
      parse: parseReschedule,
      run: (request, idempotency) => rescheduleRepair(deps, access.reference, request, idempotency, lang),
    });
  });

  app.delete('/repairs/:reference', async (c) => {
    const errors: FieldError[] = [];
    const lang = checkLang(c.req.query('lang'), errors);
    if (errors.length) return problemResponse(problems.validation('The request is not valid.', errors));
    const access = await authoriseManage(c, db, guesses, c.req.param('reference'));
    if ('problem' in access) return problemResponse(access.problem, access.headers);
    return handleJsonCommand(c, {
      scope: `DELETE /repairs/${access.reference}`,
      parse: parseCancel,
      run: (request, idempotency) => cancelRepair(deps, access.reference, request, idempotency, lang),
    });
  });

  return app;
}

/** The leaf a SOR code names (a council may reuse a code; the first leaf with it wins). */
function leafBySor(catalogue: RepairCatalogue, sor: string) {
  for (const location of catalogue.locations) {
    for (const problem of location.problems) {
      const leaf = problem.leaves.find((candidate) => candidate.sor === sor);
      if (leaf) return findLeaf(catalogue, leaf.id)!.leaf;
    }
  }
  return undefined;
}

function langOf(c: Context): Lang | undefined {
  const value = c.req.query('lang');
  if (value === undefined || value === '') return 'en';
  return isLang(value) ? value : undefined;
}

function checkPostcode(value: string | undefined, errors: FieldError[]): string | undefined {
  if (value && value.length <= 16 && isValidPostcode(value)) return value;
  errors.push({ path: '/postcode', message: 'Enter the postcode of the property the repair is for' });
  return undefined;
}
