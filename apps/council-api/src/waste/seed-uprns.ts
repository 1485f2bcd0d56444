/**
 * UPRNs worth trying against a freshly seeded database (the seed is deterministic), for the
 * README and demos. `test/waste-seed.test.ts` checks each one still matches its description.
 */
export const seedUprns = [
  { uprn: '100070000112', address: '9 High Street, Anytown, AN1 1AA', description: 'All four services on Tuesdays (rubbish and recycling on alternate weeks), garden subscription active, no crew states' },
  { uprn: '100070000028', address: '1 High Street, Anytown, AN1 1AA', description: 'Every service shows `collected` on its collection day' },
  { uprn: '100070000057', address: '2 High Street, Anytown, AN1 1AA', description: 'Rubbish and recycling show `not_collected` on collection day: a missed collection can be reported the same day' },
  { uprn: '100070000084', address: '3 High Street, Anytown, AN1 1AA', description: 'Every service shows `in_progress` on its collection day' },
  { uprn: '100070000103', address: '5 High Street, Anytown, AN1 1AA', description: 'Every service shows `scheduled` on its collection day' },
  { uprn: '100070000179', address: '11 High Street, Anytown, AN1 1AA', description: 'Garden waste subscription expired (`renewUrl` given, no garden collections)' },
  { uprn: '100070000245', address: 'Anytown Pharmacy, 4 High Street, Anytown, AN1 1AA', description: 'No garden waste subscription (`none`, with a link to subscribe)' },
  { uprn: '100070000274', address: 'Flat 1, Mill Court, 12 High Street, Anytown, AN1 1AA', description: 'A flat in a block that still has every service (all of AN1 1AA does)' },
  { uprn: '100070007641', address: 'Flat 1, Castle House, 1 Castle Walk, Anytown, AN1A 2FL', description: 'A flat in a block: communal bins, so `services: []` (and no calendar)' },
  { uprn: '100070060605', address: 'Unit 1, Anytown Business Park, Enterprise Way, Anytown, AN12 9BP', description: 'A business: trade waste, so `services: []`' },
  { uprn: '100070000345', address: 'First Floor Flat, 14 High Street, Anytown, AN1 1AB', description: 'A flat above a shop: rubbish, recycling and food on Fridays, no garden waste' },
  { uprn: '100070002211', address: '16 Church Street, Anytown, AN1 1AL', description: 'Fridays: Christmas Day, New Year’s Day and Good Friday collections move to Saturday' },
  { uprn: '100070003288', address: '1 Mill Road, Anytown, AN1 5AA', description: 'Thursdays: the report window runs over the weekend (Thursday’s collection can be reported until Monday)' },
  { uprn: '100070058110', address: 'Rose Cottage, Anbury Lane, Little Anbury, AN10 4NP', description: 'Mondays: every bank holiday Monday moves the week’s collections a day later; garden subscription expired' },
  { uprn: '100070033287', address: '1 Heol y Parc, Anytown, AN4 7YP', description: 'A Welsh street: try `lang=cy`' },
] as const;
