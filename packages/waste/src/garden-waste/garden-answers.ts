import type { WasteAnswers } from '../shared/waste-steps.js';

/** `<council-garden-waste>`'s answers: the element's first page and its later pages (finish.ts) share them. */
export interface GardenAnswers extends WasteAnswers {
  /** How many bins, as the radio's value ('' until chosen). */
  bins: string;
  /** The answer to the council's concession question ('' until answered, or when it has none). */
  concession: '' | 'yes' | 'no';
}
