import { bulkyProblemTypes, problemTypes, type Problem } from '@council-kit/contracts';

/** The problems only the bulky waste routes send, one builder each (see `http/problems.ts` for the shared ones). */
export const bulkyProblems = {
  /** 409: the slots went while the resident chose (or the date's cut-off passed): choose another date. */
  dateFull: (): Problem => ({
    type: bulkyProblemTypes.dateFull,
    title: 'This date has just filled up',
    status: 409,
    detail: 'Someone else has just booked the last space on this date, or it can no longer be booked. Choose another date.',
    errors: [{ path: '/collectionDate', message: 'This date is no longer available: choose another' }],
  }),
  /** 422: an item the council does not collect, with where to take it instead. */
  itemRefused: (label: string, instead: string, index: number): Problem => ({
    type: bulkyProblemTypes.itemRefused,
    title: 'We do not collect this item',
    status: 422,
    detail: `We do not collect ${label.toLowerCase()}. ${instead}`,
    errors: [{ path: `/items/${index}/id`, message: instead }],
  }),
  /** 422: after the cut-off, the booking stands as it is. */
  changeClosed: (until: string): Problem => ({
    type: bulkyProblemTypes.changeClosed,
    title: 'This booking can no longer be changed',
    status: 422,
    detail: `Changes and cancellations closed at ${until}. Call us if you need to change it.`,
  }),
  notServed: (): Problem => ({
    type: bulkyProblemTypes.notServed,
    title: 'No bulky waste collections here',
    status: 422,
    detail: 'We do not collect bulky waste from this property (its bins are communal, or it is a business). Contact your landlord or managing agent, or call us.',
    errors: [{ path: '/uprn', message: 'This property has no bulky waste collections' }],
  }),
  /** The same answer for an unknown reference and a wrong manage token, so neither can be probed. */
  bookingNotFound: (): Problem => ({
    type: problemTypes.notFound,
    title: 'Booking not found',
    status: 404,
    detail: 'We could not find a booking with these details. Check the link in your confirmation and try again.',
  }),
  /** 401: managing a booking needs its manage token. */
  manageTokenRequired: (): Problem => ({
    type: problemTypes.manageTokenRequired,
    title: 'The booking’s manage token is needed',
    status: 401,
    detail: 'Reading, changing or cancelling a bulky waste booking needs the manage token given when it was booked (in the link in its confirmation). Send it as Authorization: Bearer <token>, never in the URL.',
  }),
  /** 403: the right token for a cancelled or collected booking (`reason`: why it was cancelled). */
  manageLinkExpired: (status: string, reason?: string | null): Problem => ({
    type: problemTypes.manageLinkExpired,
    title: 'This booking’s manage link has expired',
    status: 403,
    detail:
      reason === 'unpaid'
        ? 'This booking was cancelled because it was not paid for in time, and its slots went back to other residents. Book a new collection if you still need one.'
        : `This booking is ${status}, so its manage link no longer works. Book a new collection if you need one.`,
  }),
  tooManyGuesses: (retryAfterSeconds: number): Problem => ({
    type: problemTypes.rateLimited,
    title: 'Too many tries',
    status: 429,
    detail: `Too many tries with details that did not match. Try again in ${retryAfterSeconds} seconds.`,
  }),
} as const;
