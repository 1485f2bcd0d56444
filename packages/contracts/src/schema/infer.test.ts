import { describe, expectTypeOf, it } from 'vitest';
import type { CancelRequest, CollectionsResult, Contact, ContainerRequest, MissedCollectionRequest, Repair, RepairCatalogue, RepairRequest, RepairSlots, SubmissionReceipt, WasteService } from '../index.js';

// The types inferred from the schemas are the ones the hand-written interfaces used to be, so
// nothing downstream changes. (Checked by `tsc`; the test itself only runs to be counted.)
describe('types inferred from the schemas', () => {
  it('match the contracts the elements and the API were written against', () => {
    expectTypeOf<WasteService>().toEqualTypeOf<{
      id: string;
      name: string;
      container: { type: string; colour: string; lidColour?: string | undefined };
      frequency?: { everyWeeks: number; day: 'sunday' | 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' } | undefined;
      nextCollection?: string | undefined;
      previousCollection?: string | undefined;
      upcoming: string[];
      changedDates?: { was: string; now: string; reason: string }[] | undefined;
      todayState?: 'scheduled' | 'in_progress' | 'collected' | 'not_collected' | undefined;
      reportMissed: { open: boolean; until?: string | undefined };
      subscription?: { status: 'active' | 'expired' | 'none'; renewUrl?: string | undefined } | undefined;
    }>();
    expectTypeOf<CollectionsResult>().toEqualTypeOf<{ uprn: string; address: string; services: WasteService[] }>();
    expectTypeOf<SubmissionReceipt>().toEqualTypeOf<{
      reference: string;
      duplicate?: boolean | undefined;
      paymentUrl?: string | undefined;
      payment?: { status: 'not-started' | 'created' | 'paid' | 'failed' | 'cancelled' | 'error'; amount: number; token: string } | undefined;
    }>();
    expectTypeOf<Contact>().toEqualTypeOf<{ email?: string | undefined; phone?: string | undefined }>();
    expectTypeOf<MissedCollectionRequest>().toEqualTypeOf<{ uprn: string; serviceId: string; collectionDate: string; binOutInTime: true; contact: Contact }>();
    expectTypeOf<ContainerRequest>().toEqualTypeOf<{
      uprn: string;
      containerId: 'refuse' | 'recycling' | 'food' | 'garden';
      reason: 'new-property' | 'lost' | 'stolen' | 'damaged' | 'additional';
      contact: Contact;
    }>();
    expectTypeOf<RepairRequest>().toEqualTypeOf<{
      uprn: string;
      reporter: 'tenant' | 'leaseholder';
      leafId: string;
      description: string;
      photoIds: string[];
      contact: { preference: 'text' | 'email' | 'phone'; mobile?: string | undefined; email?: string | undefined; phone?: string | undefined };
      slotId?: string | undefined;
    }>();
    expectTypeOf<CancelRequest>().toEqualTypeOf<{ reason: 'fixed' | 'no-longer-needed' | 'reported-by-mistake' | 'other'; detail?: string | undefined }>();
    expectTypeOf<RepairSlots['slots'][number]>().toEqualTypeOf<{ id: string; date: string; period: 'am' | 'pm' | 'all-day' }>();
    expectTypeOf<Repair['appointment']>().toEqualTypeOf<{ date: string; period: 'am' | 'pm' | 'all-day' } | undefined>();
    expectTypeOf<RepairCatalogue['council']['officeHours']>().toEqualTypeOf<{ days: number[]; opens: string; closes: string }>();
    expectTypeOf<RepairCatalogue['locations'][number]['problems'][number]['leaves'][number]['eligibility']>().toEqualTypeOf<{ tenant: boolean; leaseholder: boolean }>();
  });
});
