import { inOfficeHours, type RepairCatalogue } from '@council-kit/contracts';

/** The number to call now: the repairs line in office hours, the out-of-hours line otherwise. */
export function phoneNow(catalogue: RepairCatalogue, now: Date): string {
  return inOfficeHours(catalogue.council.officeHours, now) ? catalogue.council.phone : catalogue.council.outOfHoursPhone;
}
