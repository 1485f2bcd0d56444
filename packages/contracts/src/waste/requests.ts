import { date, literal, object, optional, picklist, string, type Infer } from '../schema/index.js';
import { parseEmail } from '../validators/email.js';
import { parseUkPhone } from '../validators/phone.js';

/**
 * The waste request bodies, parsed by the council API with `parseRequest` (unknown fields
 * refused, every problem reported at once, messages a resident can act on). Not read in the
 * browser, so the messages cost the elements nothing.
 */

/** The containers a resident can ask for (`POST /waste/container-requests`): the services' ids. */
export const containerIds = ['refuse', 'recycling', 'food', 'garden'] as const;
export type ContainerId = (typeof containerIds)[number];

/** Why a container is needed; the council's charge rule is per container and reason. */
export const containerReasons = ['new-property', 'lost', 'stolen', 'damaged', 'additional'] as const;
export type ContainerReason = (typeof containerReasons)[number];

/** A property's UPRN as the API accepts it: a string of 1 to 12 digits. */
export const uprnField = string({ pattern: /^[0-9]{1,12}$/, message: 'Give the property’s UPRN: a string of up to 12 digits' });

/**
 * Optional contact details for a confirmation: each checked when given (an email address that
 * is plausible, a UK phone number, kept in national format).
 */
export const wasteContact = object(
  {
    email: optional(string({ format: 'email', max: 254, parse: parseEmail, message: 'Enter an email address in the correct format, like name@example.com' })),
    phone: optional(
      string({ max: 32, parse: (phone) => (phone.length <= 32 ? parseUkPhone(phone) : null), message: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982' }),
    ),
  },
  { message: 'Contact details must be an object with email and/or phone' },
);
export type Contact = Infer<typeof wasteContact>;

/** `POST /waste/missed-collections`, as `<council-missed-bin-report>` sends it. */
export const missedCollectionRequest = object({
  uprn: uprnField,
  serviceId: string({ pattern: /^[a-z][a-z0-9-]{0,31}$/, message: 'Choose which collection was missed' }),
  collectionDate: date({ message: 'Give the collection date as YYYY-MM-DD' }),
  binOutInTime: literal(true, {
    message: (value) => (typeof value == 'boolean' ? 'A collection can only be reported as missed when the bin was out in time' : 'binOutInTime must be true'),
  }),
  contact: optional(wasteContact, {}),
});
export type MissedCollectionRequest = Infer<typeof missedCollectionRequest>;

/** `POST /waste/container-requests`, as `<council-container-request>` sends it. */
export const containerRequest = object({
  uprn: uprnField,
  containerId: picklist(containerIds, { message: () => `Choose a container: ${containerIds.join(', ')}` }),
  reason: picklist(containerReasons, { message: () => `Choose why you need it: ${containerReasons.join(', ')}` }),
  contact: optional(wasteContact, {}),
});
export type ContainerRequest = Infer<typeof containerRequest>;
