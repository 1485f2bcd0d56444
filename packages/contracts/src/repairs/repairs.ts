import { array, boolean, date, object, optional, picklist, reader, string, type Infer } from '../schema/index.js';
import type { Reader } from '../validate.js';
import { repairPriorities, reporters } from './catalogue.js';

/** Morning (8am to 12pm), afternoon (12pm to 6pm) or all day (8am to 6pm). */
export const slotPeriods = ['am', 'pm', 'all-day'] as const;
export type SlotPeriod = (typeof slotPeriods)[number];

export const repairSlot = object({
  /** Opaque id to book with. */
  id: string(),
  date: date(),
  period: picklist(slotPeriods),
});
export type RepairSlot = Infer<typeof repairSlot>;

/**
 * `GET /repairs/slots?sor=&uprn=[&weeks=]`: free slots for the leaf's trade. Emergency and
 * urgent jobs are never booked online (`callBack: true`, no slots): the council calls back.
 * No free slots also means a call back, never a dead end.
 */
export const repairSlots = object({
  sor: string(),
  priority: picklist(repairPriorities),
  callBack: boolean(),
  slots: array(repairSlot),
});
export type RepairSlots = Infer<typeof repairSlots>;

export const readRepairSlots: Reader<RepairSlots> = reader(repairSlots);

export const repairStatuses = ['booked', 'awaiting-appointment', 'cancelled', 'completed'] as const;
export type RepairStatus = (typeof repairStatuses)[number];

/** A repair already reported in a communal area, listed so neighbours do not report it twice. */
export const communalRepair = object({
  reference: string(),
  leafId: string(),
  /** The leaf's label in the language requested. */
  label: string(),
  locationLabel: string(),
  reportedOn: date(),
  status: picklist(repairStatuses),
});
export type CommunalRepair = Infer<typeof communalRepair>;

/**
 * `GET /repairs/properties/{uprn}?lang=`: whether the council is the landlord (only council
 * homes can report online), and the repairs already open in the block's communal areas.
 */
export const repairProperty = object({
  uprn: string(),
  address: string(),
  councilOwned: boolean(),
  communalRepairs: array(communalRepair),
});
export type RepairProperty = Infer<typeof repairProperty>;

export const readRepairProperty: Reader<RepairProperty> = reader(repairProperty);

/** `POST /repairs/photos` → an unguessable id; the photo is never served back. */
export const photoReceipt = object({ photoId: string() });
export type PhotoReceipt = Infer<typeof photoReceipt>;

export const readPhotoReceipt: Reader<PhotoReceipt> = reader(photoReceipt);

/** A repair as the resident sees it: `POST /repairs`, `GET|PATCH|DELETE /repairs/{reference}?postcode=`. */
export const repair = object({
  /** 8 characters from an unambiguous alphabet, e.g. `RP7K2M9Q`. */
  reference: string(),
  status: picklist(repairStatuses),
  uprn: string(),
  address: string(),
  reporter: picklist(reporters),
  leafId: string(),
  sor: string(),
  /** The leaf's label in the language requested. */
  label: string(),
  priority: picklist(repairPriorities),
  description: string(),
  reportedOn: date(),
  /** The date the council aims to finish by. */
  targetDate: date(),
  appointment: optional(object({ date: date(), period: picklist(slotPeriods) })),
  cancelReason: optional(string()),
});
export type Repair = Infer<typeof repair>;

export const readRepair: Reader<Repair> = reader(repair);
