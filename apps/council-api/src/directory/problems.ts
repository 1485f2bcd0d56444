import { problemTypes, type Problem } from '@council-kit/contracts';

/** Problem types of the ORUK directory routes; the OpenAPI document lists them. */
export const directoryProblemTypes = {
  postcodeNotFound: 'https://council-kit.dev/problems/postcode-not-found',
} as const;

/** The problems only the directory routes send (see `http/problems.ts` for the shared ones). */
export const directoryProblems = {
  serviceNotFound: (): Problem => ({
    type: problemTypes.notFound,
    title: 'Service not found',
    status: 404,
    detail: 'The directory has no service with this id. It may have closed or been removed.',
  }),
  notFound: (kind: string): Problem => ({
    type: problemTypes.notFound,
    title: `${kind[0]!.toUpperCase()}${kind.slice(1)} not found`,
    status: 404,
    detail: `The directory has no ${kind} with this id.`,
  }),
  postcodeNotFound: (postcode: string): Problem => ({
    type: directoryProblemTypes.postcodeNotFound,
    title: 'Postcode not found',
    status: 422,
    detail: `We do not know where ${postcode} is, so we cannot measure distances from it. Check the postcode, or search without one.`,
    errors: [{ path: '/postcode', message: 'We could not find this postcode' }],
  }),
} as const;
