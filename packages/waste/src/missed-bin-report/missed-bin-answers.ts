import type { WasteAnswers } from '../shared/waste-steps.js';

/** `<council-missed-bin-report>`'s answers: the element's first pages and its later pages (finish.ts) share them. */
export interface MissedBinAnswers extends WasteAnswers {
  serviceId: string;
  collectionDate: string;
  binOut: '' | 'yes' | 'no';
}
