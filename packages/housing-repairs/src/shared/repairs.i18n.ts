import { formatTimeRange, type Catalogue, type Locale } from '@council-kit/core';

// The slots' hours, through core's time words: GOV.UK style "8am to midday", Welsh "8yb i ganol dydd".
const am = (locale: Locale) => formatTimeRange('08:00', '12:00', locale);
const pm = (locale: Locale) => formatTimeRange('12:00', '18:00', locale);
const allDay = (locale: Locale) => formatTimeRange('08:00', '18:00', locale);

/**
 * Words both repairs elements use for appointments and statuses (the journey words come from
 * core's `flowStrings`). A period is a label ("Afternoon (midday to 6pm)"); `slot` puts it after
 * a date, in lower case as GOV.UK writes it mid-sentence.
 */
export const sharedStrings = {
  en: {
    am: `Morning (${am('en')})`,
    pm: `Afternoon (${pm('en')})`,
    'all-day': `All day (${allDay('en')})`,
    slot: '{date}, {period|lower}',
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
    am: `Bore (${am('cy')})`,
    pm: `Prynhawn (${pm('cy')})`,
    'all-day': `Drwy’r dydd (${allDay('cy')})`,
    slot: '{date}, {period|lower}',
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
