import { problemTypes, type Problem } from '@council-kit/contracts';

/**
 * Problem types for waste requests that are well-formed but not allowed (422). Not (yet) in
 * `problemTypes` in `@council-kit/contracts`; the OpenAPI document lists them.
 */
export const wasteProblemTypes = {
  reportWindowClosed: 'https://council-kit.dev/problems/report-window-closed',
  subscriptionRequired: 'https://council-kit.dev/problems/subscription-required',
  paymentTokenRequired: 'https://council-kit.dev/problems/payment-token-required',
} as const;

/** The problems only the waste routes send, one builder each (see `http/problems.ts` for the shared ones). */
export const wasteProblems = {
  noCollections: (): Problem => ({
    type: problemTypes.notFound,
    title: 'No collections',
    status: 404,
    detail: 'This property has no collections of its own (its bins are communal), so there is no calendar.',
  }),
  reportWindowClosed: (detail: string): Problem => ({
    type: wasteProblemTypes.reportWindowClosed,
    title: 'This collection cannot be reported now',
    status: 422,
    detail,
    errors: [{ path: '/collectionDate', message: detail }],
  }),
  paymentTokenRequired: (): Problem => ({
    type: wasteProblemTypes.paymentTokenRequired,
    title: 'Payment token required',
    status: 401,
    detail: 'Send the payment token from the receipt (or GOV.UK Pay’s return link) as Authorization: Bearer <token>.',
  }),
  noSuchPayment: (): Problem => ({
    type: problemTypes.notFound,
    title: 'Payment not found',
    status: 404,
    detail: 'No charged submission has this reference and token.',
  }),
  subscriptionRequired: (path: string): Problem => ({
    type: wasteProblemTypes.subscriptionRequired,
    title: 'No garden waste subscription',
    status: 422,
    detail: 'This property does not have an active garden waste subscription.',
    errors: [{ path, message: 'Subscribe to garden waste collections first' }],
  }),
  gardenNotAvailable: (): Problem => ({
    type: problemTypes.gardenNotAvailable,
    title: 'No garden waste collections here',
    status: 422,
    detail: 'Garden waste is not collected from this property, so it cannot be subscribed to.',
    errors: [{ path: '/uprn', message: 'Garden waste is not collected from this property' }],
  }),
  gardenAlreadySubscribed: (expires: string, renewFrom: string): Problem => ({
    type: problemTypes.gardenAlreadySubscribed,
    title: 'Already subscribed',
    status: 422,
    detail: `This property’s garden waste subscription runs until ${expires}; it can be renewed from ${renewFrom}.`,
    errors: [{ path: '/uprn', message: `Already subscribed until ${expires}; renew from ${renewFrom}` }],
  }),
} as const;
