import { arrayOf, bool, isoDate, object, oneOf, optional, str, type Reader } from '../validate.js';
import { repairPriorities, reporters, type RepairPriority, type Reporter } from './catalogue.js';

/** Morning (8am to 12pm), afternoon (12pm to 6pm) or all day (8am to 6pm). */
export const slotPeriods = ['am', 'pm', 'all-day'] as const;
export type SlotPeriod = (typeof slotPeriods)[number];

export interface RepairSlot {
  /** Opaque id to book with. */
  id: string;
  date: string;
  period: SlotPeriod;
}

/**
 * `GET /repairs/slots?sor=&uprn=[&weeks=]`: free slots for the leaf's trade. Emergency and
 * urgent jobs are never booked online (`callBack: true`, no slots): the council calls back.
 * No free slots also means a call back, never a dead end.
 */
export interface RepairSlots {
  sor: string;
  priority: RepairPriority;
  callBack: boolean;
  slots: RepairSlot[];
}

const readSlot: Reader<RepairSlot> = /* @__PURE__ */ object({ id: str, date: isoDate, period: /* @__PURE__ */ oneOf(slotPeriods) });

export const readRepairSlots: Reader<RepairSlots> = /* @__PURE__ */ object({
  sor: str,
  priority: /* @__PURE__ */ oneOf(repairPriorities),
  callBack: bool,
  slots: /* @__PURE__ */ arrayOf(readSlot),
});

export const repairStatuses = ['booked', 'awaiting-appointment', 'cancelled', 'completed'] as const;
export type RepairStatus = (typeof repairStatuses)[number];

/** A repair already reported in a communal area, listed so neighbours do not report it twice. */
export interface CommunalRepair {
  reference: string;
  leafId: string;
  /** The leaf's label in the language requested. */
  label: string;
  locationLabel: string;
  reportedOn: string;
  status: RepairStatus;
}

/**
 * `GET /repairs/properties/{uprn}?lang=`: whether the council is the landlord (only council
 * homes can report online), and the repairs already open in the block's communal areas.
 */
export interface RepairProperty {
  uprn: string;
  address: string;
  councilOwned: boolean;
  communalRepairs: CommunalRepair[];
}

export const readRepairProperty: Reader<RepairProperty> = /* @__PURE__ */ object({
  uprn: str,
  address: str,
  councilOwned: bool,
  communalRepairs: /* @__PURE__ */ arrayOf(
    /* @__PURE__ */ object({ reference: str, leafId: str, label: str, locationLabel: str, reportedOn: isoDate, status: /* @__PURE__ */ oneOf(repairStatuses) }),
  ),
});

export const contactPreferences = ['text', 'email', 'phone'] as const;
export type ContactPreference = (typeof contactPreferences)[number];

/**
 * `POST /repairs` (JSON, with an `Idempotency-Key`). Photos are uploaded first, one request each
 * (`POST /repairs/photos`, body: the JPEG or PNG bytes), and referred to by the ids returned.
 */
export interface RepairRequest {
  uprn: string;
  reporter: Reporter;
  leafId: string;
  description: string;
  photoIds: string[];
  contact: { preference: ContactPreference; mobile?: string; email?: string; phone?: string };
  /** Absent when the job is not booked online. */
  slotId?: string;
}

/** `POST /repairs/photos` → an unguessable id; the photo is never served back. */
export interface PhotoReceipt {
  photoId: string;
}

export const readPhotoReceipt: Reader<PhotoReceipt> = /* @__PURE__ */ object({ photoId: str });

/** A repair as the resident sees it: `POST /repairs`, `GET|PATCH|DELETE /repairs/{reference}?postcode=`. */
export interface Repair {
  /** 8 characters from an unambiguous alphabet, e.g. `RP7K2M9Q`. */
  reference: string;
  status: RepairStatus;
  uprn: string;
  address: string;
  reporter: Reporter;
  leafId: string;
  sor: string;
  /** The leaf's label in the language requested. */
  label: string;
  priority: RepairPriority;
  description: string;
  reportedOn: string;
  /** The date the council aims to finish by. */
  targetDate: string;
  appointment?: { date: string; period: SlotPeriod };
  cancelReason?: string;
}

export const readRepair: Reader<Repair> = /* @__PURE__ */ object({
  reference: str,
  status: /* @__PURE__ */ oneOf(repairStatuses),
  uprn: str,
  address: str,
  reporter: /* @__PURE__ */ oneOf(reporters),
  leafId: str,
  sor: str,
  label: str,
  priority: /* @__PURE__ */ oneOf(repairPriorities),
  description: str,
  reportedOn: isoDate,
  targetDate: isoDate,
  appointment: /* @__PURE__ */ optional(/* @__PURE__ */ object({ date: isoDate, period: /* @__PURE__ */ oneOf(slotPeriods) })),
  cancelReason: /* @__PURE__ */ optional(str),
});

/** `PATCH /repairs/{reference}?postcode=` body: move the appointment. */
export interface RescheduleRequest {
  slotId: string;
}

/** Why a resident cancels (`DELETE /repairs/{reference}?postcode=` body). */
export const cancelReasons = ['fixed', 'no-longer-needed', 'reported-by-mistake', 'other'] as const;
export type CancelReason = (typeof cancelReasons)[number];

export interface CancelRequest {
  reason: CancelReason;
  /** Free text when the reason is `other` (500 characters at most). */
  detail?: string;
}
