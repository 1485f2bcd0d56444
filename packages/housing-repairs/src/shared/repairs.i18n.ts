import type { Catalogue } from '@council-kit/core';

/** Words both repairs elements use for appointments and statuses (the journey words come from core's `flowStrings`). */
export const sharedStrings = {
  en: {
    am: 'Morning (8am to 12pm)',
    pm: 'Afternoon (12pm to 6pm)',
    'all-day': 'All day (8am to 6pm)',
    slotTitle: 'Choose an appointment',
    slotHint: 'Someone needs to be at home for the whole time.',
    errorSlot: 'Select an appointment',
    slotTaken: 'That appointment has just been booked by someone else. Choose another.',
    callBackTitle: 'We will call you to arrange a time',
    callBackBody: 'There are no appointments we can offer online for this repair. We will contact you to arrange one.',
    booked: 'Booked',
    'awaiting-appointment': 'Waiting for an appointment',
    cancelled: 'Cancelled',
    completed: 'Completed',
    appointmentKey: 'Appointment',
  },
  cy: {
    am: 'Bore (8am i 12pm)',
    pm: 'Prynhawn (12pm i 6pm)',
    'all-day': 'Drwy’r dydd (8am i 6pm)',
    slotTitle: 'Dewiswch apwyntiad',
    slotHint: 'Mae angen i rywun fod gartref am yr holl amser.',
    errorSlot: 'Dewiswch apwyntiad',
    slotTaken: 'Mae rhywun arall newydd drefnu’r apwyntiad hwnnw. Dewiswch un arall.',
    callBackTitle: 'Byddwn yn eich ffonio i drefnu amser',
    callBackBody: 'Nid oes apwyntiadau y gallwn eu cynnig ar-lein ar gyfer y gwaith trwsio hwn. Byddwn yn cysylltu â chi i drefnu un.',
    booked: 'Wedi’i drefnu',
    'awaiting-appointment': 'Yn aros am apwyntiad',
    cancelled: 'Wedi’i ganslo',
    completed: 'Wedi’i gwblhau',
    appointmentKey: 'Apwyntiad',
  },
} satisfies Catalogue;
