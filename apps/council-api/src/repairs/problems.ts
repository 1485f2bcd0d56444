import { problemTypes, type Problem } from '@council-kit/contracts';

/** The problems only the repairs routes send, one builder each (see `http/problems.ts` for the shared ones). */
export const repairProblems = {
  notCouncilProperty: (): Problem => ({
    type: problemTypes.notCouncilProperty,
    title: 'Not a council home',
    status: 422,
    detail: 'Repairs can only be reported online for homes the council owns. Contact your landlord about this property.',
    errors: [{ path: '/uprn', message: 'The council does not own this property' }],
  }),
  notEligible: (detail: string): Problem => ({
    type: problemTypes.notEligible,
    title: 'This repair cannot be reported online',
    status: 422,
    detail,
    errors: [{ path: '/leafId', message: detail }],
  }),
  slotTaken: (): Problem => ({
    type: problemTypes.slotTaken,
    title: 'Appointment no longer available',
    status: 409,
    detail: 'Someone else has just booked this appointment, or it has passed. Choose another one.',
    errors: [{ path: '/slotId', message: 'This appointment is no longer available' }],
  }),
  repairClosed: (status: string): Problem => ({
    type: problemTypes.repairClosed,
    title: 'This repair is closed',
    status: 422,
    detail: `This repair is ${status}, so it cannot be changed. Report a new repair if you need one.`,
  }),
  /**
   * The same answer for an unknown reference, a wrong postcode and a wrong manage token, so
   * neither references nor tokens can be probed: it never says which part was wrong.
   */
  repairNotFound: (): Problem => ({
    type: problemTypes.notFound,
    title: 'Repair not found',
    status: 404,
    detail: 'We could not find a repair with these details. Check them and try again.',
  }),
  /** 401: the old way (reference and postcode) no longer reads, moves or cancels a repair. */
  manageTokenRequired: (): Problem => ({
    type: problemTypes.manageTokenRequired,
    title: 'The repair’s manage token is needed',
    status: 401,
    detail:
      'Reading, moving or cancelling a repair needs the manage token given when it was reported (in the link in its confirmation). Send it as Authorization: Bearer <token>, never in the URL. Without it, GET /api/v1/repairs/{reference}/status?postcode= shows the repair’s status only.',
  }),
  /** 403: the right token, for a repair that is closed: a token expires with its repair. */
  manageLinkExpired: (status: string): Problem => ({
    type: problemTypes.manageLinkExpired,
    title: 'This repair’s manage link has expired',
    status: 403,
    detail: `This repair is ${status}, so its manage link no longer works. Report a new repair if you need one.`,
  }),
  /** 429: too many wrong tries at one repair, or from one client. */
  tooManyGuesses: (retryAfterSeconds: number): Problem => ({
    type: problemTypes.rateLimited,
    title: 'Too many tries',
    status: 429,
    detail: `Too many tries with details that did not match. Try again in ${retryAfterSeconds} seconds.`,
  }),
  /**
   * 422 for every way a one-time code can fail (an unknown reference, a wrong postcode, a wrong,
   * expired, used or worn-out code): one answer, so no part can be probed.
   */
  manageCodeNotValid: (): Problem => ({
    type: problemTypes.manageCodeNotValid,
    title: 'The code does not work',
    status: 422,
    detail: 'The reference, postcode or code is not right, or the code has expired or been used. Check them, or ask for a new code.',
    errors: [{ path: '/code', message: 'The code is not right, or it has expired' }],
  }),
  /** 422: no email address or mobile on the repair to send a code to. */
  noContactDetails: (): Problem => ({
    type: problemTypes.noContactDetails,
    title: 'No contact details to send a code to',
    status: 422,
    detail: 'This repair has no email address or mobile number we can send a code to. Call us to change it.',
  }),
  /** 503: Notify did not take the code; nothing is left waiting for it. */
  codeNotSent: (): Problem => ({
    type: problemTypes.internal,
    title: 'The code could not be sent',
    status: 503,
    detail: 'We could not send a code just now. Try again in a few minutes, or call us.',
  }),
  notAnImage: (): Problem => ({
    type: problemTypes.unsupportedMediaType,
    title: 'Not a photo we can accept',
    status: 415,
    detail: 'Send a whole JPEG or PNG photo as the request body, with Content-Type: image/jpeg or image/png.',
  }),
  catalogueMissing: (): Problem => ({
    type: problemTypes.internal,
    title: 'No repairs catalogue',
    status: 503,
    detail: 'The council has not loaded a repairs catalogue yet. Try again later.',
  }),
} as const;
