import { arrayOf, bool, ContractError, num, object, oneOf, optional, str, type Reader } from '../validate.js';

/**
 * The council's repairs catalogue (`GET /repairs/catalogue`): configuration, not code. Each
 * council's schedule of rates differs, so the questions a resident answers (where → what →
 * which best describes it) and what each answer leads to all come from this document.
 */

/** A label in both languages the elements speak. */
export interface Bilingual {
  en: string;
  cy: string;
}

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

/** A question in the emergency screen ("Can you smell gas?"). */
export interface EmergencyQuestion {
  id: string;
  label: Bilingual;
  /** The gas path always shows the national gas emergency number, whatever the time. */
  gas?: boolean;
}

/** The answer a resident finally chooses: one schedule-of-rates job. */
export interface RepairLeaf {
  id: string;
  label: Bilingual;
  /** Schedule of rates code, e.g. `20110`. */
  sor: string;
  /** The trade that does the job, e.g. `plumber`; slots are per trade. */
  trade: string;
  priority: RepairPriority;
  /** Working days the council aims to finish within. */
  targetDays: number;
  /** Ask for a photo (always optional for the resident). */
  photo: boolean;
  /** Who may report it online. */
  eligibility: { tenant: boolean; leaseholder: boolean };
  /** Absent: `book` for routine jobs, `we-will-contact` for urgent, `call-us` for emergencies. */
  outcome?: RepairOutcome;
  hint?: Bilingual;
}

export interface RepairProblem {
  id: string;
  label: Bilingual;
  leaves: RepairLeaf[];
}

export interface RepairLocation {
  id: string;
  label: Bilingual;
  /** A communal area (stairs, lifts, bin stores): repairs there are shared by the block. */
  communal: boolean;
  problems: RepairProblem[];
}

export interface RepairCatalogue {
  version: string;
  council: {
    name: Bilingual;
    /** The repairs line in office hours. */
    phone: string;
    outOfHoursPhone: string;
    /** The national gas emergency number (0800 111 999 in Great Britain). */
    gasEmergencyPhone: string;
    /** Office hours, Europe/London: ISO weekdays (1 = Monday) and `HH:MM` times. */
    officeHours: { days: number[]; opens: string; closes: string };
  };
  emergencies: EmergencyQuestion[];
  /** Longest description accepted (GOV.UK character count). */
  maxDescription: number;
  maxPhotos: number;
  /** Largest photo accepted, in bytes, before the browser downsizes it. */
  maxPhotoBytes: number;
  locations: RepairLocation[];
}

const bilingual: Reader<Bilingual> = /* @__PURE__ */ object({ en: str, cy: str });
const time: Reader<string> = (v, p) => {
  const s = str(v, p);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(s)) throw new ContractError(p, 'time HH:MM');
  return s;
};

const readLeaf: Reader<RepairLeaf> = /* @__PURE__ */ object({
  id: str,
  label: bilingual,
  sor: str,
  trade: str,
  priority: /* @__PURE__ */ oneOf(repairPriorities),
  targetDays: num,
  photo: bool,
  eligibility: /* @__PURE__ */ object({ tenant: bool, leaseholder: bool }),
  outcome: /* @__PURE__ */ optional(/* @__PURE__ */ oneOf(repairOutcomes)),
  hint: /* @__PURE__ */ optional(bilingual),
});

const nonEmpty =
  <T>(read: Reader<T[]>): Reader<T[]> =>
  (v, p) => {
    const list = read(v, p);
    if (!list.length) throw new ContractError(p, 'at least one item');
    return list;
  };

/**
 * Reads a catalogue, failing with the path of the first bad value (`locations[2].problems[0]
 * .leaves[4].priority: expected emergency|urgent|routine`), so a council editing its own
 * catalogue is told exactly what to fix.
 */
export const readRepairCatalogue: Reader<RepairCatalogue> = /* @__PURE__ */ object({
  version: str,
  council: /* @__PURE__ */ object({
    name: bilingual,
    phone: str,
    outOfHoursPhone: str,
    gasEmergencyPhone: str,
    officeHours: /* @__PURE__ */ object({ days: /* @__PURE__ */ arrayOf(num), opens: time, closes: time }),
  }),
  emergencies: /* @__PURE__ */ arrayOf(/* @__PURE__ */ object({ id: str, label: bilingual, gas: /* @__PURE__ */ optional(bool) })),
  maxDescription: num,
  maxPhotos: num,
  maxPhotoBytes: num,
  locations: /* @__PURE__ */ nonEmpty(
    /* @__PURE__ */ arrayOf(
      /* @__PURE__ */ object({
        id: str,
        label: bilingual,
        communal: bool,
        problems: /* @__PURE__ */ nonEmpty(/* @__PURE__ */ arrayOf(/* @__PURE__ */ object({ id: str, label: bilingual, leaves: /* @__PURE__ */ nonEmpty(/* @__PURE__ */ arrayOf(readLeaf)) }))),
      }),
    ),
  ),
});

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
