/**
 * What Anytown's directory services look like, one template per category: names (with a
 * `{place}` to fill), who runs them, how they describe themselves, who they are for and what
 * they cost. The seed and the 100k bulk generator both build services from these, so searches
 * behave the same on both.
 */
export interface ServiceTemplate {
  /** Leaf taxonomy code (see directory-taxonomy.ts); `also` adds more terms. */
  term: string;
  also?: string[];
  names: string[];
  organizations: string[];
  /** Sentences; a service uses two of them. */
  descriptions: string[];
  eligibility?: string;
  minimumAge?: number;
  maximumAge?: number;
  /** Paid options; a template without them is always free. `freeShare` of its services are still free. */
  paid?: { option: string; amount: number; description: string }[];
  freeShare?: number;
  /** Opening hours to pick from; an empty list means "by appointment" (no regular schedule). */
  hours: [string, string][];
  /** How many services the seed makes from this template. */
  count: number;
}

export const places = [
  'Anytown', 'Aberany', 'Little Anbury', 'Castle Ward', 'Riverside', 'Millbrook', 'Northfield', 'Southgate',
  'Parkside', 'Westway', 'Greenhill', 'Old Town', 'Market Square', 'St Mary’s', 'Heol y Parc', 'Brookfield',
] as const;

export const templates: ServiceTemplate[] = [
  {
    term: 'food-banks',
    names: ['{place} Food Bank', '{place} Community Food Bank', 'Food Bank at {place} Baptist Church', '{place} Emergency Food Bank'],
    organizations: ['Anytown Food Bank Partnership', 'Churches Together in Anytown', 'Aberany Community Trust'],
    descriptions: [
      'Emergency food parcels with three days of nutritionally balanced food.',
      'Bring a referral voucher from a GP, school or advice agency if you have one; if not, come anyway and we will help.',
      'Toiletries, nappies and pet food are available when donations allow.',
      'Volunteers can signpost you to debt, benefits and housing advice while you wait.',
    ],
    eligibility: 'Anyone in Anytown who cannot afford food.',
    hours: [['10:00', '12:00'], ['13:00', '15:00'], ['17:30', '19:00']],
    count: 14,
  },
  {
    term: 'community-meals',
    also: ['food-banks'],
    names: ['{place} Community Pantry', '{place} Pay-As-You-Feel Café', 'Warm Welcome Café {place}', '{place} Community Kitchen'],
    organizations: ['Anytown Community Trust', 'The Hub Collective', 'Aberany Community Trust'],
    descriptions: [
      'A hot two-course meal served at shared tables: everyone welcome, no questions asked.',
      'Pay what you can, or nothing at all; surplus supermarket food is shared at the end of each session.',
      'A warm space with tea, coffee and free wifi through the winter.',
      'Vegetarian, halal and gluten-free options every week.',
    ],
    paid: [{ option: 'Pay as you feel', amount: 0, description: 'Pay what you can, or nothing' }, { option: 'Pantry membership', amount: 3.5, description: '£3.50 for about £15 of shopping' }],
    freeShare: 0.5,
    hours: [['12:00', '14:00'], ['17:00', '19:00']],
    count: 13,
  },
  {
    term: 'clothing',
    names: ['{place} Clothes Bank', '{place} Baby Bank', '{place} Furniture Project', '{place} Uniform Exchange'],
    organizations: ['Anytown Reuse Network', 'Parkside Baby Bank CIO', 'Churches Together in Anytown'],
    descriptions: [
      'Good-quality second-hand clothes, shoes and coats for all ages, free to anyone who needs them.',
      'Prams, cots, car seats and baby clothes for families referred by a midwife or health visitor.',
      'Donated furniture and white goods for people setting up a new home after homelessness.',
      'School uniform swaps before every term.',
    ],
    paid: [{ option: 'Delivery', amount: 10, description: '£10 delivery for large furniture' }],
    freeShare: 0.7,
    hours: [['10:00', '13:00'], ['14:00', '16:00']],
    count: 12,
  },
  {
    term: 'debt-advice',
    names: ['{place} Debt Advice Drop-in', 'Debt Advice at {place}', '{place} Money and Debt Clinic', 'Debt Help {place}'],
    organizations: ['Anytown Money Advice Service', 'Christians Against Poverty Anytown', 'Citizens Advice Anytown'],
    descriptions: [
      'Free, confidential debt advice from accredited advisers: we look at everything you owe and agree a plan.',
      'We can talk to creditors for you, help with bailiff and court letters, and explain breathing space, DROs and bankruptcy.',
      'Appointments by phone, video or face to face; evening sessions for people who work.',
      'Bring any letters and bank statements you have.',
    ],
    eligibility: 'Adults living or working in Anytown.',
    minimumAge: 18,
    hours: [['09:30', '12:30'], ['13:30', '16:30'], ['17:00', '19:30']],
    count: 13,
  },
  {
    term: 'benefits-advice',
    names: ['{place} Benefits Advice', 'Citizens Advice {place} Outreach', '{place} Welfare Rights Surgery', '{place} Benefits Check-up'],
    organizations: ['Citizens Advice Anytown', 'Anytown Borough Council Welfare Rights Team', 'Age Friendly Anytown'],
    descriptions: [
      'Independent advice on benefits, work, housing, consumer problems and family matters.',
      'A full benefits check to make sure you are getting everything you are entitled to, and help filling in forms.',
      'Help with Universal Credit, PIP, Council Tax Reduction and appeals against decisions.',
      'We can also refer you on for help with debt or energy bills.',
    ],
    hours: [['09:00', '12:00'], ['10:00', '15:00']],
    count: 13,
  },
  {
    term: 'mental-health',
    names: ['{place} Mental Health Drop-in', '{place} Wellbeing Café', 'Talking Space {place}', '{place} Peer Support Group', '{place} Safe Haven'],
    organizations: ['Anytown Mind', 'Anytown Talking Therapies (NHS)', 'Riverside Wellbeing Collective'],
    descriptions: [
      'A friendly, non-judgemental space to talk about how you are feeling, with trained volunteers and peer supporters.',
      'Free NHS talking therapies for anxiety, depression and stress: refer yourself online or by phone.',
      'An evening crisis café for adults who need somewhere safe to go when things feel too much.',
      'Mindfulness, art and gardening groups that help people recover and stay well.',
    ],
    eligibility: 'Adults aged 18 and over registered with an Anytown GP.',
    minimumAge: 18,
    hours: [['10:00', '12:00'], ['18:00', '22:00'], ['14:00', '16:00']],
    count: 14,
  },
  {
    term: 'physical-activity',
    names: ['{place} Health Walks', 'Walking Football {place}', '{place} Chair Yoga', 'Parkrun {place}', '{place} Couch to 5K'],
    organizations: ['Active Anytown', 'Anytown Leisure Trust', 'Ramblers Anytown Group'],
    descriptions: [
      'Short, sociable walks led by trained volunteers, finishing with a cup of tea.',
      'Gentle exercise for people with long-term conditions or returning to activity after illness.',
      'No kit or experience needed: just turn up in comfortable clothes.',
      'A free, timed community run every Saturday morning.',
    ],
    paid: [{ option: 'Per session', amount: 2.5, description: '£2.50 a session' }],
    freeShare: 0.6,
    hours: [['09:00', '10:00'], ['10:30', '11:30'], ['18:30', '19:30']],
    count: 13,
  },
  {
    term: 'drugs-alcohol',
    names: ['{place} Recovery Hub', '{place} Alcohol Support Group', 'Turning Point {place}', '{place} Needle Exchange'],
    organizations: ['Anytown Recovery Partnership', 'Anytown Borough Council Public Health'],
    descriptions: [
      'Confidential support for anyone worried about their drinking or drug use, or someone else’s.',
      'Recovery groups, one-to-one key workers and help to access detox and rehab.',
      'Free naloxone kits and training.',
      'Family members and friends are welcome at our support sessions.',
    ],
    minimumAge: 18,
    hours: [['10:00', '16:00'], ['18:00', '20:00']],
    count: 12,
  },
  {
    term: 'baby-toddler',
    names: ['{place} Toddler Group', '{place} Stay and Play', 'Little Owls Toddler Group {place}', 'Cylch Ti a Fi {place}', '{place} Baby Rhyme Time'],
    organizations: ['Anytown Family Hubs', 'Mudiad Meithrin Anytown', 'St Mary’s Church Anytown'],
    descriptions: [
      'Play, songs and stories for babies and toddlers with their parents, grandparents or carers.',
      'Messy play, a snack and a chance to meet other families; health visitors drop in once a month.',
      'A Welsh-language toddler group: everyone welcome, whether you speak Welsh or not.',
      'Free tea and coffee for grown-ups.',
    ],
    eligibility: 'Children under 5 with a parent or carer.',
    minimumAge: 0,
    maximumAge: 5,
    paid: [{ option: 'Per family', amount: 1, description: '£1 per family, including a snack' }],
    freeShare: 0.5,
    hours: [['09:30', '11:30'], ['10:00', '11:30'], ['13:30', '15:00']],
    count: 14,
  },
  {
    term: 'parenting',
    names: ['{place} Parenting Course', '{place} Dads’ Group', 'Incredible Years {place}', '{place} Teen Parenting Support'],
    organizations: ['Anytown Family Hubs', 'Home-Start Anytown'],
    descriptions: [
      'A free eight-week course for parents of children aged 3 to 11, with a crèche.',
      'Trained volunteers visit families with young children at home to offer support and friendship.',
      'A relaxed group for dads and male carers, with activities for the children.',
      'Support for parents of teenagers dealing with difficult behaviour.',
    ],
    hours: [['09:30', '11:30'], ['18:00', '20:00']],
    count: 12,
  },
  {
    term: 'childcare',
    names: ['{place} Holiday Club', '{place} After School Club', '{place} Community Nursery', '{place} Breakfast Club'],
    organizations: ['Anytown Play Association', 'Anytown Family Hubs'],
    descriptions: [
      'Childcare during the school holidays, with free places and a healthy meal for children who get free school meals.',
      'Ofsted-registered care after school until 6pm, with homework help and outdoor play.',
      'Funded places for 2, 3 and 4 year olds.',
      'Sports, crafts and trips.',
    ],
    minimumAge: 2,
    maximumAge: 11,
    paid: [{ option: 'Per day', amount: 28, description: '£28 a day; tax-free childcare accepted' }, { option: 'Per session', amount: 9.5, description: '£9.50 a session' }],
    freeShare: 0.3,
    hours: [['08:00', '09:00'], ['15:15', '18:00'], ['08:30', '17:00']],
    count: 12,
  },
  {
    term: 'youth-clubs',
    names: ['{place} Youth Club', '{place} Junior Youth Club', '{place} Youth Café', '{place} Detached Youth Work'],
    organizations: ['Anytown Youth Service', 'YMCA Anytown', 'Northfield Boys and Girls Club'],
    descriptions: [
      'A youth club with pool, table tennis, music, cooking and trips, run by qualified youth workers.',
      'A safe space to hang out with friends, get advice and try something new.',
      'Youth workers meet young people in parks and on the streets in the evenings.',
      'Free food every session.',
    ],
    eligibility: 'Young people aged 11 to 19 (up to 25 with additional needs).',
    minimumAge: 11,
    maximumAge: 19,
    paid: [{ option: 'Per session', amount: 1, description: '£1 a session' }],
    freeShare: 0.6,
    hours: [['18:00', '21:00'], ['16:00', '18:00'], ['19:00', '21:30']],
    count: 14,
  },
  {
    term: 'mentoring',
    names: ['{place} Youth Mentoring', 'Step Up {place}', '{place} Care Leavers’ Support'],
    organizations: ['YMCA Anytown', 'Anytown Youth Service'],
    descriptions: [
      'A trained volunteer mentor meets you every week for a year to help you reach your goals.',
      'Support for young people leaving care with money, housing, education and work.',
      'Help getting back into education, training or work.',
    ],
    minimumAge: 14,
    maximumAge: 25,
    hours: [],
    count: 12,
  },
  {
    term: 'lunch-clubs',
    also: ['community-meals'],
    names: ['{place} Lunch Club', '{place} Over-60s Lunch Club', 'Friendship Lunch {place}', '{place} Luncheon Club'],
    organizations: ['Age Friendly Anytown', 'Anytown Royal Voluntary Service', 'St Mary’s Church Anytown'],
    descriptions: [
      'A hot two-course lunch and good company for older people, with bingo or a quiz afterwards.',
      'Transport can be arranged for people who cannot get there on their own.',
      'Special diets catered for; tell us when you book.',
      'A chance to make new friends and get out of the house.',
    ],
    eligibility: 'People aged 60 and over.',
    minimumAge: 60,
    paid: [{ option: 'Per meal', amount: 4.5, description: '£4.50 for a two-course lunch' }, { option: 'Per meal', amount: 5, description: '£5 including tea and cake' }],
    freeShare: 0.1,
    hours: [['12:00', '14:00'], ['11:30', '13:30']],
    count: 14,
  },
  {
    term: 'befriending',
    names: ['{place} Befriending Service', 'Telephone Friends {place}', '{place} Good Neighbours'],
    organizations: ['Age Friendly Anytown', 'Anytown Royal Voluntary Service'],
    descriptions: [
      'A volunteer visits you at home every week for a chat, or takes you out for a coffee.',
      'A friendly weekly phone call for people who are lonely or isolated.',
      'Help with small jobs, lifts to appointments and shopping.',
    ],
    eligibility: 'Older people and adults with disabilities who feel lonely.',
    minimumAge: 50,
    hours: [],
    count: 12,
  },
  {
    term: 'carers-support',
    names: ['{place} Carers’ Group', 'Carers’ Café {place}', '{place} Young Carers', '{place} Carers’ Support Service'],
    organizations: ['Anytown Carers Centre', 'Carers Trust Anytown'],
    descriptions: [
      'Support, information and a break for unpaid carers looking after family or friends.',
      'Help with carers’ assessments, the Carer’s Allowance and planning for emergencies.',
      'A monthly café where carers can meet others in the same situation.',
      'Activities and trips for young carers aged 8 to 18.',
    ],
    hours: [['10:00', '12:00'], ['13:00', '15:00']],
    count: 14,
  },
  {
    term: 'english-classes',
    names: ['{place} English Classes (ESOL)', 'Conversation Club {place}', '{place} English for Beginners', '{place} Women’s English Group'],
    organizations: ['Anytown Adult Learning', 'Anytown Refugee Welcome', 'Anytown College'],
    descriptions: [
      'Free English classes for speakers of other languages, from beginners to exam level.',
      'Practise your English in a friendly conversation club; a crèche is available.',
      'Classes help with everyday English: shopping, the doctor, school and work.',
      'We also help people apply for college ESOL courses.',
    ],
    minimumAge: 16,
    paid: [{ option: 'Per term', amount: 30, description: '£30 a term; free if you receive benefits' }],
    freeShare: 0.7,
    hours: [['09:30', '11:30'], ['13:00', '15:00'], ['18:00', '20:00']],
    count: 14,
  },
  {
    term: 'digital-skills',
    names: ['{place} Digital Drop-in', 'Get Online {place}', '{place} Computer Club', '{place} Phone and Tablet Help'],
    organizations: ['Anytown Libraries', 'Anytown Adult Learning', 'Good Things Anytown'],
    descriptions: [
      'Friendly help with phones, tablets and computers: email, video calls, online shopping and staying safe online.',
      'Free data SIM cards and refurbished laptops for people who cannot afford them.',
      'Help applying for jobs and benefits online.',
    ],
    hours: [['10:00', '12:00'], ['14:00', '16:00']],
    count: 12,
  },
  {
    term: 'libraries',
    names: ['{place} Library', '{place} Community Library', 'Mobile Library ({place} stop)', '{place} Library Rhyme Time'],
    organizations: ['Anytown Libraries'],
    descriptions: [
      'Free books, audiobooks, newspapers, computers and wifi.',
      'Events for all ages: reading groups, homework clubs, family history and author talks.',
      'Print, scan and photocopy; help finding information.',
      'A warm, quiet space to study or work.',
    ],
    hours: [['09:00', '17:00'], ['10:00', '18:00'], ['09:30', '13:00']],
    count: 13,
  },
  {
    term: 'homelessness',
    names: ['{place} Night Shelter', '{place} Day Centre', 'Street Outreach {place}', '{place} Homeless Prevention Service'],
    organizations: ['Anytown Housing Options (Council)', 'Shelter Anytown', 'Salvation Army Anytown'],
    descriptions: [
      'Emergency accommodation and a hot meal for people sleeping rough.',
      'Showers, laundry, breakfast and advice for people who are homeless.',
      'If you are worried about losing your home, contact us as early as you can: we can often help you stay.',
      'Outreach workers visit people sleeping rough every morning.',
    ],
    minimumAge: 18,
    hours: [['08:00', '12:00'], ['19:00', '08:00']],
    count: 12,
  },
  {
    term: 'housing-advice',
    names: ['{place} Housing Advice', '{place} Tenants’ Advice Line', '{place} Private Renters’ Surgery'],
    organizations: ['Shelter Anytown', 'Citizens Advice Anytown', 'Anytown Borough Council Housing Team'],
    descriptions: [
      'Advice on renting, deposits, disrepair and eviction notices.',
      'Help if your landlord will not do repairs, or you have damp and mould.',
      'We can check a section 21 or section 8 notice and tell you what happens next.',
    ],
    hours: [['10:00', '13:00'], ['14:00', '17:00']],
    count: 12,
  },
  {
    term: 'job-clubs',
    names: ['{place} Job Club', '{place} Work Club', 'Jobs Fair {place}', '{place} CV Workshop'],
    organizations: ['Anytown Works', 'Anytown Adult Learning', 'Good Things Anytown'],
    descriptions: [
      'Help with CVs, job applications and interview practice, with computers to use.',
      'Meet local employers and find out about training and apprenticeships.',
      'Support for people returning to work after a long time away.',
    ],
    minimumAge: 16,
    hours: [['09:30', '12:30'], ['13:30', '15:30']],
    count: 12,
  },
  {
    term: 'volunteering',
    names: ['Volunteer Centre {place}', '{place} Community Garden', '{place} Litter Pickers', '{place} Repair Café'],
    organizations: ['Anytown Volunteer Centre', 'Riverside Community Garden CIC', 'Anytown Community Trust'],
    descriptions: [
      'Find volunteering that suits you, from an hour a month to regular roles.',
      'Grow vegetables, learn new skills and meet people in our community garden.',
      'Bring broken things and our volunteers will help you fix them.',
      'A great way to build confidence and experience for work.',
    ],
    hours: [['10:00', '13:00'], ['10:00', '16:00']],
    count: 12,
  },
];

/** Venue names for the seed's locations; each is placed at a real seeded Anytown address. */
export const venueNames = [
  'Anytown Community Hub', 'St Mary’s Church Hall', 'Castle Ward Family Hub', 'Riverside Library', 'Millbrook Community Centre',
  'The Old School Rooms', 'Aberany Village Hall', 'Little Anbury Memorial Hall', 'Northfield Youth Centre', 'Southgate Leisure Centre',
  'Anytown Central Library', 'Canolfan Heol y Parc', 'Greenhill Methodist Church', 'Parkside Children’s Centre', 'Market Square Advice Centre',
  'Salvation Army Hall', 'Westway Sports Pavilion', 'Friends Meeting House', 'Anytown Mosque Community Rooms', 'Gurdwara Community Kitchen',
  'Old Town Scout Hut', 'Brookfield Primary School', 'Anytown College (Castle Campus)', 'Anytown Civic Centre', 'The Bandstand Café',
  'Aberany Library', 'Millbrook Health Centre', 'St John Ambulance Hall', 'Castle Ward Tenants’ Hall', 'Riverside Community Garden',
  'Northfield Baptist Church', 'Anytown Town Hall', 'Greenhill Sports Club', 'The Railway Arches Project', 'Parkside Pavilion',
  'Aberany Chapel Vestry', 'Little Anbury Church Rooms', 'Westway Community Flat', 'Southgate Methodist Church', 'Anytown Fire Station Community Room',
];

export const accessibilityNotes = [
  'Step-free entrance',
  'Accessible toilet',
  'Hearing loop',
  'Lift to all floors',
  'Disabled parking bay',
  'Large-print information',
  'Quiet room available',
  'Baby changing facilities',
];

export const otherLanguages = [
  { name: 'Welsh', code: 'cy' },
  { name: 'Polish', code: 'pl' },
  { name: 'Urdu', code: 'ur' },
  { name: 'Arabic', code: 'ar' },
  { name: 'Punjabi', code: 'pa' },
  { name: 'Romanian', code: 'ro' },
  { name: 'Ukrainian', code: 'uk' },
  { name: 'Bengali', code: 'bn' },
];

export const contactRoles = ['Duty team', 'Volunteer coordinator', 'Service manager', 'Reception', 'Project worker'];
