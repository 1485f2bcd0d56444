import type { Catalogue } from './translate.js';

/**
 * The words of every question journey (`QuestionFlow`): Back, Continue, check answers, Send.
 * A journey spreads them into its catalogue (`{ en: { ...flowStrings.en, … } }`), so they are
 * shipped only with journeys; its own catalogue may reword any of them (a repair report's Send
 * is "Send report"), and a council's `strings` override wins over both.
 */
export const flowStrings = {
  en: {
    back: 'Back',
    continue: 'Continue',
    checkTitle: 'Check your answers before sending',
    send: 'Send',
    sending: 'Sending',
    referenceIs: 'Your reference number',
    contactLink: 'Contact us',
  },
  cy: {
    back: 'Yn ôl',
    continue: 'Parhau',
    checkTitle: 'Gwiriwch eich atebion cyn anfon',
    send: 'Anfon',
    sending: 'Yn anfon',
    referenceIs: 'Eich cyfeirnod',
    contactLink: 'Cysylltu â ni',
  },
} satisfies Catalogue;

/** Messages every element shares: failure states, busy state, generic actions. */
export const coreStrings = {
  en: {
    problemTitle: 'Sorry, there is a problem with the service',
    problemBody: 'Try again. If it still does not work, try again later.',
    timeoutBody: 'The service is taking too long to respond. Check your connection and try again.',
    networkBody: 'We could not connect to the service. Check your connection and try again.',
    rateLimitedTitle: 'Too many requests',
    rateLimitedBody: 'You have made a lot of requests in a short time. Wait a minute, then try again.',
    tryAgain: 'Try again',
    errorSummaryTitle: 'There is a problem',
    errorPrefix: 'Error:',
    change: 'Change',
  },
  cy: {
    problemTitle: 'Mae’n ddrwg gennym, mae problem gyda’r gwasanaeth',
    problemBody: 'Rhowch gynnig arall arni. Os nad yw’n gweithio o hyd, rhowch gynnig arall arni yn nes ymlaen.',
    timeoutBody: 'Mae’r gwasanaeth yn cymryd gormod o amser i ymateb. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
    networkBody: 'Nid oeddem yn gallu cysylltu â’r gwasanaeth. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
    rateLimitedTitle: 'Gormod o geisiadau',
    rateLimitedBody: 'Rydych wedi gwneud llawer o geisiadau mewn amser byr. Arhoswch funud, yna rhowch gynnig arall arni.',
    tryAgain: 'Rhowch gynnig arall arni',
    errorSummaryTitle: 'Mae problem wedi codi',
    errorPrefix: 'Gwall:',
    change: 'Newid',
  },
} satisfies Catalogue;
