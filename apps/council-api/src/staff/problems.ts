import type { Problem } from '../http/problems.js';

/** Problem types of the staff API (not part of the residents' contract). */
export const staffProblemTypes = {
  staffTokenRequired: 'https://council-kit.dev/problems/staff-token-required',
  deliveryNotDead: 'https://council-kit.dev/problems/delivery-not-dead',
} as const;

export const staffProblems = {
  /** 401: no staff token, or not one of `STAFF_API_TOKENS`. The two look the same. */
  tokenRequired: (): Problem => ({
    type: staffProblemTypes.staffTokenRequired,
    title: 'Staff token required',
    status: 401,
    detail: 'The staff API needs a staff token: send Authorization: Bearer <token>.',
  }),
  /** 409: only a dead-lettered delivery can be replayed. */
  notDead: (status: string): Problem => ({
    type: staffProblemTypes.deliveryNotDead,
    title: 'Delivery is not dead-lettered',
    status: 409,
    detail: `Only a dead-lettered delivery can be replayed; this one is ${status}.`,
  }),
  deliveryNotFound: (): Problem => ({
    type: 'https://council-kit.dev/problems/not-found',
    title: 'Delivery not found',
    status: 404,
    detail: 'No delivery has this event id.',
  }),
};
