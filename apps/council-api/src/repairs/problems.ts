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
  /** The same answer for an unknown reference and a wrong postcode, so references cannot be probed. */
  repairNotFound: (): Problem => ({
    type: problemTypes.notFound,
    title: 'Repair not found',
    status: 404,
    detail: 'We could not find a repair with this reference and postcode. Check both and try again.',
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
