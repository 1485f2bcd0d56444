import type { WasteAnswers } from '../shared/waste-steps.js';

/** Why a resident needs a container. */
export const containerReasons = ['new-property', 'lost', 'stolen', 'damaged', 'additional'] as const;
export type ContainerReason = (typeof containerReasons)[number];

/** `<council-container-request>`'s answers: the element's first pages and its later pages (finish.ts) share them. */
export interface ContainerAnswers extends WasteAnswers {
  containerId: string;
  reason: '' | ContainerReason;
}
