import type { Catalogue } from '@council-kit/core';
import { sharedStrings } from '../shared/repairs.i18n.js';
import { codeStringsCy, codeStringsEn } from './code.i18n.js';

const en = {
  ...sharedStrings.en,
  ...codeStringsEn,
  // Back on the first page: a reference and postcode that do not match, a manage link that does not work.
  notFound: 'We could not find a repair with that reference and postcode. Check they match your confirmation, or contact us.',
  linkNotWorking: 'The link you used does not work. Check you used the whole link, or enter the postcode to see the repair’s status.',
  linkExpired: 'This repair is closed, so its link no longer works. Enter the postcode to see the repair’s status.',
  repairTitle: 'Repair {reference}',
  needLink: 'To see this repair’s details, or to move or cancel it, use the link we gave you when you reported it. If you do not have it, contact us.',
  leafKey: 'Repair',
  describeKey: 'What you told us',
  addressKey: 'Address',
  reportedKey: 'Reported',
  targetKey: 'We aim to finish by',
  weWillContact: 'We will contact you to arrange a time',
  move: 'Change the appointment',
  cancel: 'Cancel this repair',
  closed: 'This repair is closed, so it cannot be changed online.',
  moveTitle: 'Choose a new appointment',
  moveButton: 'Change appointment',
  currentAppointment: 'Your appointment is on {date}, {period|lower}.',
  checkMoveTitle: 'Check your new appointment',
  oldAppointmentKey: 'Current appointment',
  newAppointmentKey: 'New appointment',
  cancelTitle: 'Why do you want to cancel this repair?',
  fixed: 'The problem has been fixed',
  'no-longer-needed': 'I no longer need the repair',
  'reported-by-mistake': 'I reported it by mistake',
  other: 'Another reason',
  detailLabel: 'Tell us why',
  errorReason: 'Select why you want to cancel the repair',
  errorDetail: 'Tell us why you want to cancel the repair',
  errorDetailLong: 'Your reason must be 500 characters or fewer',
  cancelButton: 'Cancel repair',
  confirmCancelTitle: 'Are you sure you want to cancel this repair?',
  reasonKey: 'Reason',
  confirmCancelBody: 'If you cancel it, we will not come to do this repair.',
  keepRepair: 'Keep the repair',
  movedTitle: 'Appointment changed',
  movedBody: 'We will come on {date}, {period|lower}.',
  cancelledTitle: 'Repair cancelled',
  cancelledBody: 'We will not come to do this repair. If the problem comes back, report it again.',
};

/**
 * Messages of `<council-repair-appointment>`'s later pages (the repair, moving, cancelling,
 * confirmation), with the repairs words both elements use, and the first page's messages for a
 * repair not found or a manage link that does not work: they load with those pages (see
 * manage.ts, fetched beside the repair), and the element adds them to its catalogue then. A council overrides any of them
 * with the element's `strings` property, like every other message. Typed by the English keys, so
 * a message missing in Welsh fails the type check.
 */
export const manageStrings = {
  en,
  cy: {
    ...sharedStrings.cy,
    ...codeStringsCy,
    notFound: 'Nid oeddem yn gallu dod o hyd i waith trwsio gyda’r cyfeirnod a’r cod post hwnnw. Gwiriwch eu bod yr un fath â’ch cadarnhad, neu cysylltwch â ni.',
    linkNotWorking: 'Nid yw’r ddolen a ddefnyddiwyd gennych yn gweithio. Gwiriwch eich bod wedi defnyddio’r ddolen gyfan, neu rhowch y cod post i weld statws y gwaith trwsio.',
    linkExpired: 'Mae’r gwaith trwsio hwn wedi cau, felly nid yw ei ddolen yn gweithio mwyach. Rhowch y cod post i weld statws y gwaith trwsio.',
    repairTitle: 'Gwaith trwsio {reference}',
    needLink: 'I weld manylion y gwaith trwsio hwn, neu i’w symud neu ei ganslo, defnyddiwch y ddolen a roesom i chi pan roesoch wybod amdano. Os nad yw hi gennych, cysylltwch â ni.',
    leafKey: 'Gwaith trwsio',
    describeKey: 'Beth ddywedoch chi wrthym',
    addressKey: 'Cyfeiriad',
    reportedKey: 'Rhoddwyd gwybod',
    targetKey: 'Ein nod yw gorffen erbyn',
    weWillContact: 'Byddwn yn cysylltu â chi i drefnu amser',
    move: 'Newid yr apwyntiad',
    cancel: 'Canslo’r gwaith trwsio hwn',
    closed: 'Mae’r gwaith trwsio hwn wedi cau, felly nid oes modd ei newid ar-lein.',
    moveTitle: 'Dewiswch apwyntiad newydd',
    moveButton: 'Newid yr apwyntiad',
    currentAppointment: 'Mae eich apwyntiad ar {date|lower|soft}, {period|lower}.',
    checkMoveTitle: 'Gwiriwch eich apwyntiad newydd',
    oldAppointmentKey: 'Apwyntiad presennol',
    newAppointmentKey: 'Apwyntiad newydd',
    cancelTitle: 'Pam ydych chi eisiau canslo’r gwaith trwsio hwn?',
    fixed: 'Mae’r broblem wedi’i datrys',
    'no-longer-needed': 'Nid oes angen y gwaith trwsio arnaf mwyach',
    'reported-by-mistake': 'Rhoddais wybod amdano trwy gamgymeriad',
    other: 'Rheswm arall',
    detailLabel: 'Dywedwch wrthym pam',
    errorReason: 'Dewiswch pam rydych eisiau canslo’r gwaith trwsio',
    errorDetail: 'Dywedwch wrthym pam rydych eisiau canslo’r gwaith trwsio',
    errorDetailLong: 'Rhaid i’ch rheswm fod yn 500 nod neu lai',
    cancelButton: 'Canslo’r gwaith trwsio',
    confirmCancelTitle: 'Ydych chi’n siŵr eich bod eisiau canslo’r gwaith trwsio hwn?',
    reasonKey: 'Rheswm',
    confirmCancelBody: 'Os byddwch yn ei ganslo, ni fyddwn yn dod i wneud y gwaith trwsio hwn.',
    keepRepair: 'Cadw’r gwaith trwsio',
    movedTitle: 'Newidiwyd yr apwyntiad',
    movedBody: 'Byddwn yn dod ar {date|lower|soft}, {period|lower}.',
    cancelledTitle: 'Canslwyd y gwaith trwsio',
    cancelledBody: 'Ni fyddwn yn dod i wneud y gwaith trwsio hwn. Os daw’r broblem yn ôl, rhowch wybod eto.',
  },
} satisfies Catalogue<ManageKey>;

/** A message key of `manageStrings`. */
export type ManageKey = keyof typeof en;
