import { array, boolean, integer, object, optional, picklist, reader, string, type Infer } from '../schema/index.js';
import type { Reader } from '../validate.js';

/**
 * The council's repairs catalogue (`GET /repairs/catalogue`): configuration, not code. Each
 * council's schedule of rates differs, so the questions a resident answers (where → what →
 * which best describes it) and what each answer leads to all come from this document.
 */

/** Emergency: make safe within 24 hours; urgent: within a few days; routine: booked. */
export const repairPriorities = ['emergency', 'urgent', 'routine'] as const;
export type RepairPriority = (typeof repairPriorities)[number];

/** Who is reporting, which decides what they may report. */
export const reporters = ['tenant', 'leaseholder'] as const;
export type Reporter = (typeof reporters)[number];

/**
 * Where a leaf ends when it cannot simply be booked online: call us now (an emergency), we will
 * contact you (urgent, or no slots), not eligible (e.g. a leaseholder's own repair), contact us
 * (the council needs to talk it through).
 */
export const repairOutcomes = ['book', 'call-us', 'we-will-contact', 'not-eligible', 'contact-us'] as const;
export type RepairOutcome = (typeof repairOutcomes)[number];

/** A label in both languages the elements speak. */
export const bilingual = object({ en: string(), cy: string() });
export type Bilingual = Infer<typeof bilingual>;

/** A list a council must not leave empty. */
const nonEmpty = { min: 1, message: 'at least one item' };

/** `HH:MM`, 24-hour. */
const time = string({ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: 'time HH:MM' });

/** A question in the emergency screen ("Can you smell gas?"). */
export const emergencyQuestion = object({
  id: string(),
  label: bilingual,
  /** The gas path always shows the national gas emergency number, whatever the time. */
  gas: optional(boolean()),
});
export type EmergencyQuestion = Infer<typeof emergencyQuestion>;

/** The answer a resident finally chooses: one schedule-of-rates job. */
export const repairLeaf = object({
  id: string(),
  label: bilingual,
  /** Schedule of rates code, e.g. `20110`. */
  sor: string(),
  /** The trade that does the job, e.g. `plumber`; slots are per trade. */
  trade: string(),
  priority: picklist(repairPriorities),
  /** Working days the council aims to finish within. */
  targetDays: integer({ min: 1, message: 'integer ≥ 1' }),
  /** Ask for a photo (always optional for the resident). */
  photo: boolean(),
  /** Who may report it online. */
  eligibility: object({ tenant: boolean(), leaseholder: boolean() }),
  /** Absent: `book` for routine jobs, `we-will-contact` for urgent, `call-us` for emergencies. */
  outcome: optional(picklist(repairOutcomes)),
  hint: optional(bilingual),
});
export type RepairLeaf = Infer<typeof repairLeaf>;

export const repairProblem = object({ id: string(), label: bilingual, leaves: array(repairLeaf, nonEmpty) });
export type RepairProblem = Infer<typeof repairProblem>;

export const repairLocation = object({
  id: string(),
  label: bilingual,
  /** A communal area (stairs, lifts, bin stores): repairs there are shared by the block. */
  communal: boolean(),
  problems: array(repairProblem, nonEmpty),
});
export type RepairLocation = Infer<typeof repairLocation>;

/**
 * The catalogue. Reading it fails with the path of the first bad value (`locations[2].problems[0]
 * .leaves[4].priority: expected emergency|urgent|routine`), so a council editing its own
 * catalogue is told exactly what to fix. (The council API checks more when it loads a
 * council's file: unique ids, id and code formats; see `schema/repair-catalogue.schema.json`.)
 */
export const repairCatalogue = object({
  version: string(),
  council: object({
    name: bilingual,
    /** The repairs line in office hours. */
    phone: string(),
    outOfHoursPhone: string(),
    /** The national gas emergency number (0800 111 999 in Great Britain). */
    gasEmergencyPhone: string(),
    /** Office hours, Europe/London: ISO weekdays (1 = Monday) and `HH:MM` times. */
    officeHours: object({ days: array(integer({ min: 1, max: 7, message: 'ISO weekday 1–7' })), opens: time, closes: time }),
  }),
  emergencies: array(emergencyQuestion),
  /** Longest description accepted (GOV.UK character count). */
  maxDescription: integer(),
  maxPhotos: integer(),
  /** Largest photo accepted, in bytes, before the browser downsizes it. */
  maxPhotoBytes: integer(),
  locations: array(repairLocation, nonEmpty),
});
export type RepairCatalogue = Infer<typeof repairCatalogue>;

export const readRepairCatalogue: Reader<RepairCatalogue> = reader(repairCatalogue);

/** What a leaf leads to for this reporter: its own outcome, or one its priority implies. */
export function leafOutcome(leaf: RepairLeaf, reporter: Reporter): RepairOutcome {
  if (!leaf.eligibility[reporter]) return 'not-eligible';
  if (leaf.outcome) return leaf.outcome;
  return leaf.priority === 'emergency' ? 'call-us' : leaf.priority === 'urgent' ? 'we-will-contact' : 'book';
}

/** Finds a leaf by id anywhere in the catalogue, with the location and problem it sits under. */
export function findLeaf(catalogue: RepairCatalogue, leafId: string): { location: RepairLocation; problem: RepairProblem; leaf: RepairLeaf } | undefined {
  for (const location of catalogue.locations) {
    for (const problem of location.problems) {
      const leaf = problem.leaves.find((l) => l.id === leafId);
      if (leaf) return { location, problem, leaf };
    }
  }
  return undefined;
}

/** True when `now` (a Date) is inside the council's office hours in Europe/London. */
export function inOfficeHours(hours: RepairCatalogue['council']['officeHours'], now: Date): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  const hhmm = `${get('hour')}:${get('minute')}`;
  return hours.days.includes(day) && hhmm >= hours.opens && hhmm < hours.closes;
}
