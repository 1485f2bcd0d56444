import { describeContainer, weekdayOf, type ContainerRequest } from '@council-kit/contracts';
import { longDate } from '../http/dates.js';
import type { Lang } from '../http/lang.js';

/*
 * The personalisation of the waste confirmations (GOV.UK Notify templates), in the language the
 * resident used the form in (`?lang=` on the submission): a Welsh form gets a Welsh message, as
 * the Welsh Language Standards expect. The fields are listed in the README ("Notify templates").
 */

/** A service's name in both languages, and its container. */
interface NamedService {
  name: Record<Lang, string>;
  container: { type: string; colour: string; lidColour?: string };
}

// Why a container was asked for, as a caseworker or the resident reads it back.
const reasonText: Record<Lang, Record<ContainerRequest['reason'], string>> = {
  en: { 'new-property': 'New property', lost: 'Lost', stolen: 'Stolen', damaged: 'Damaged', additional: 'An additional container' },
  cy: { 'new-property': 'Eiddo newydd', lost: 'Ar goll', stolen: 'Wedi’i ddwyn', damaged: 'Wedi’i ddifrodi', additional: 'Cynhwysydd ychwanegol' },
};

/** `missed-collection-*`: reference, address, service, collection_date ("dydd Mawrth 7 Ebrill 2026"). */
export function missedCollectionPersonalisation(reference: string, address: string, service: NamedService, collectionDate: string, lang: Lang): Record<string, string> {
  return { reference, address, service: service.name[lang], collection_date: longDate(collectionDate, weekdayOf(collectionDate), lang) };
}

/** `container-request-*`: reference, address, container, reason, payment_required (yes/no: a template condition), payment_url. */
export function containerRequestPersonalisation(
  reference: string,
  address: string,
  service: NamedService,
  reason: ContainerRequest['reason'],
  paymentUrl: string | undefined,
  lang: Lang,
): Record<string, string> {
  return {
    reference,
    address,
    container: `${service.name[lang]} (${describeContainer(service.container, lang)})`,
    reason: reasonText[lang][reason],
    payment_required: paymentUrl ? 'yes' : 'no',
    payment_url: paymentUrl ?? '',
  };
}
