/** Facts both directory elements show. */
export const factWords = {
  en: {
    miles: { one: '{count} mile away', other: '{count} miles away' },
    free: 'Free',
  },
  cy: {
    miles: { zero: '{count} milltir i ffwrdd', one: '{count} filltir i ffwrdd', two: '{count} filltir i ffwrdd', other: '{count} milltir i ffwrdd' },
    free: 'Am ddim',
  },
};

/** Words for opening times, on the service detail page. */
export const directoryWords = {
  en: {
    'day-MO': 'Monday', 'day-TU': 'Tuesday', 'day-WE': 'Wednesday', 'day-TH': 'Thursday', 'day-FR': 'Friday', 'day-SA': 'Saturday', 'day-SU': 'Sunday',
    'days-MO': 'Mondays', 'days-TU': 'Tuesdays', 'days-WE': 'Wednesdays', 'days-TH': 'Thursdays', 'days-FR': 'Fridays', 'days-SA': 'Saturdays', 'days-SU': 'Sundays',
    dayRange: '{from} to {to}',
    and: '{first} and {last}',
    hours: '{opens} to {closes}',
    am: '{time}am',
    pm: '{time}pm',
    midday: 'midday',
    midnight: 'midnight',
    monthly: '{nth} {day} of the month',
    nth1: 'first', nth2: 'second', nth3: 'third', nth4: 'fourth', 'nth-1': 'last',
  },
  cy: {
    'day-MO': 'dydd Llun', 'day-TU': 'dydd Mawrth', 'day-WE': 'dydd Mercher', 'day-TH': 'dydd Iau', 'day-FR': 'dydd Gwener', 'day-SA': 'dydd Sadwrn', 'day-SU': 'dydd Sul',
    'days-MO': 'bob dydd Llun', 'days-TU': 'bob dydd Mawrth', 'days-WE': 'bob dydd Mercher', 'days-TH': 'bob dydd Iau', 'days-FR': 'bob dydd Gwener', 'days-SA': 'bob dydd Sadwrn', 'days-SU': 'bob dydd Sul',
    // "i" (to) softens what follows (core's softMutation): "i ddydd Gwener", "i ganol dydd".
    dayRange: '{from} i {to|soft}',
    and: '{first} a {last}',
    hours: '{opens} i {closes|soft}',
    am: '{time}yb',
    pm: '{time}yp',
    midday: 'canol dydd',
    midnight: 'hanner nos',
    monthly: '{day} {nth} y mis',
    nth1: 'cyntaf', nth2: 'ail', nth3: 'trydydd', nth4: 'pedwerydd', 'nth-1': 'olaf',
  },
};
