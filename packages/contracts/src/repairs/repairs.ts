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

/**
 * A repair already reported in a communal area, listed so neighbours do not report it twice:
 * what, where, when and its status only. Never its reference or description: anyone can list a
 * block's repairs (UPRNs are public), and a reference once let a neighbour manage a repair.
 */
export const communalRepair = object({
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

/**
 * A repair as the resident who reported it sees it: `GET|PATCH|DELETE /repairs/{reference}`
 * with its manage token (`Authorization: Bearer <token>`).
 */
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

/**
 * `POST /repairs`: the repair as reported, and its manage token, given this once. The token is
 * the only way to read, move or cancel the repair online (send it as `Authorization: Bearer
 * <token>`); the council API keeps only its SHA-256 hash, and it stops working when the repair
 * is closed (completed or cancelled). Put it in the manage link's fragment, never in a query
 * string, so no server logs it.
 */
export const reportedRepair = object({
  ...repair.shape,
  /** At least 128 random bits, base64url (43 characters for the API's 256 bits). */
  manageToken: string(),
});
export type ReportedRepair = Infer<typeof reportedRepair>;

export const readReportedRepair: Reader<ReportedRepair> = reader(reportedRepair);

/**
 * `GET /repairs/{reference}/status?postcode=`: whether a repair with this reference exists at
 * this postcode, and its status, for a resident who has lost the manage link. Nothing else:
 * the postcode is shared by a whole block, so it proves nothing about who is asking.
 */
export const repairStatusSummary = object({
  reference: string(),
  status: picklist(repairStatuses),
});
export type RepairStatusSummary = Infer<typeof repairStatusSummary>;

export const readRepairStatusSummary: Reader<RepairStatusSummary> = reader(repairStatusSummary);

/** Where a one-time code went: an email address or a mobile (a text). */
export const manageCodeChannels = ['email', 'sms'] as const;
export type ManageCodeChannel = (typeof manageCodeChannels)[number];

/**
 * `POST /repairs/{reference}/code` (202): a one-time code was sent to the contact details on the
 * repair, for a resident who has lost the manage link. `hint` is the destination masked, enough
 * for the resident to recognise it and no more (`j***@e***.com`, `*** 982`). Asking again within
 * a minute sends nothing new and answers the same.
 */
export const manageCodeSent = object({
  channel: picklist(manageCodeChannels),
  hint: string(),
});
export type ManageCodeSent = Infer<typeof manageCodeSent>;

export const readManageCodeSent: Reader<ManageCodeSent> = reader(manageCodeSent);

/**
 * `POST /repairs/{reference}/token` (201): a right, unexpired one-time code exchanged (once) for
 * a manage token, the same kind `POST /repairs` gives (send it as `Authorization: Bearer
 * <token>`). It works beside the report's token, so the link in the confirmation keeps working,
 * and it too stops working when the repair is closed.
 */
export const manageTokenGrant = object({
  reference: string(),
  manageToken: string(),
});
export type ManageTokenGrant = Infer<typeof manageTokenGrant>;

export const readManageTokenGrant: Reader<ManageTokenGrant> = reader(manageTokenGrant);
