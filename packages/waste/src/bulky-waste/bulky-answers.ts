import type { BulkyLocation } from '@council-kit/contracts';
import type { WasteAnswers } from '../shared/waste-steps.js';

/** `<council-bulky-waste>`'s answers: its first page and its later pages (finish.ts) share them. */
export interface BulkyAnswers extends WasteAnswers {
  /** The items ticked, by catalogue id, with how many as typed (checked when sent). */
  items: Record<string, string>;
  location: '' | BulkyLocation;
  /** Where exactly, when `other`. */
  locationDetail: string;
  collectionDate: string;
}
