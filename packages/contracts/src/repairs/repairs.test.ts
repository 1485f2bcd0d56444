import { describe, expect, it } from 'vitest';
import { ContractError, findLeaf, inOfficeHours, leafOutcome, readRepair, readRepairCatalogue, readRepairProperty, readRepairSlots, readRepairStatusSummary, readReportedRepair, readManageCodeSent, readManageTokenGrant, validate } from '../index.js';
import { repairCatalogueFixture, repairFixture, repairPropertyFixture, repairSlotsFixture, repairStatusFixture, reportedRepairFixture, manageCodeSentFixture, manageTokenGrantFixture } from '../fixtures/index.js';

const clone = <T>(value: T): T => structuredClone(value);

describe('repairs catalogue', () => {
  it('reads a valid catalogue and every response shape', () => {
    expect(validate(readRepairCatalogue, repairCatalogueFixture)).toEqual(repairCatalogueFixture);
    expect(validate(readRepairSlots, repairSlotsFixture)).toEqual(repairSlotsFixture);
    expect(validate(readRepairProperty, repairPropertyFixture)).toEqual(repairPropertyFixture);
    expect(validate(readRepair, repairFixture)).toEqual(repairFixture);
    expect(validate(readReportedRepair, reportedRepairFixture)).toEqual(reportedRepairFixture);
    expect(validate(readRepairStatusSummary, repairStatusFixture)).toEqual(repairStatusFixture);
    expect(validate(readManageCodeSent, manageCodeSentFixture)).toEqual(manageCodeSentFixture);
    expect(validate(readManageTokenGrant, manageTokenGrantFixture)).toEqual(manageTokenGrantFixture);
    expect(() => validate(readManageCodeSent, { channel: 'post', hint: 'x' })).toThrow('channel');
  });

  it('never carries what would let a neighbour manage a repair: no reference or description in the communal list, no token but once', () => {
    const leaky = { ...repairPropertyFixture, communalRepairs: repairPropertyFixture.communalRepairs.map((r) => ({ ...r, reference: 'RP7K2M9Q', description: 'Flat 2 is away all week' })) };
    expect(validate(readRepairProperty, leaky).communalRepairs[0]).not.toHaveProperty('reference');
    expect(validate(readRepairProperty, leaky).communalRepairs[0]).not.toHaveProperty('description');
    expect(validate(readRepair, reportedRepairFixture)).not.toHaveProperty('manageToken');
    expect(validate(readRepairStatusSummary, repairFixture)).toEqual({ reference: repairFixture.reference, status: repairFixture.status });
    expect(() => validate(readReportedRepair, repairFixture)).toThrow('manageToken');
  });

  it('names the path of the first bad value, so a council knows what to fix', () => {
    const bad = clone(repairCatalogueFixture) as unknown as { locations: { problems: { leaves: { priority: string }[] }[] }[] };
    bad.locations[1]!.problems[0]!.leaves[1]!.priority = 'soon';
    expect(() => validate(readRepairCatalogue, bad)).toThrow(new ContractError('locations[1].problems[0].leaves[1].priority', 'emergency|urgent|routine'));

    const noLeaves = clone(repairCatalogueFixture);
    noLeaves.locations[0]!.problems[1]!.leaves = [];
    expect(() => validate(readRepairCatalogue, noLeaves)).toThrow('locations[0].problems[1].leaves: expected at least one item');

    const badTime = clone(repairCatalogueFixture);
    badTime.council.officeHours.opens = '8am';
    expect(() => validate(readRepairCatalogue, badTime)).toThrow('council.officeHours.opens: expected time HH:MM');

    const noWelsh = clone(repairCatalogueFixture) as unknown as { emergencies: { label: { cy?: string } }[] };
    delete noWelsh.emergencies[2]!.label.cy;
    expect(() => validate(readRepairCatalogue, noWelsh)).toThrow('emergencies[2].label.cy: expected string');
  });

  it('decides where every leaf ends for each kind of reporter', () => {
    const leaf = (id: string) => findLeaf(repairCatalogueFixture, id)!.leaf;
    expect(leafOutcome(leaf('tap-dripping'), 'tenant')).toBe('book');
    expect(leafOutcome(leaf('tap-dripping'), 'leaseholder')).toBe('not-eligible');
    expect(leafOutcome(leaf('sink-blocked'), 'tenant')).toBe('we-will-contact');
    expect(leafOutcome(leaf('toilet-only-one-blocked'), 'tenant')).toBe('call-us');
    expect(leafOutcome(leaf('worktop-damaged'), 'tenant')).toBe('contact-us');
    expect(leafOutcome(leaf('communal-light-out'), 'leaseholder')).toBe('book');
    expect(findLeaf(repairCatalogueFixture, 'communal-light-out')!.location.communal).toBe(true);
    expect(findLeaf(repairCatalogueFixture, 'nope')).toBeUndefined();
  });

  it('knows office hours in Europe/London, across the clock change', () => {
    const hours = repairCatalogueFixture.council.officeHours;
    expect(inOfficeHours(hours, new Date('2026-11-23T08:30:00Z'))).toBe(true); // Monday 08:30 GMT
    expect(inOfficeHours(hours, new Date('2026-11-23T18:00:00Z'))).toBe(false); // closes at 18:00
    expect(inOfficeHours(hours, new Date('2026-11-28T10:00:00Z'))).toBe(false); // Saturday
    expect(inOfficeHours(hours, new Date('2026-07-06T07:30:00Z'))).toBe(true); // Monday 08:30 BST
    expect(inOfficeHours(hours, new Date('2026-07-06T06:30:00Z'))).toBe(false); // 07:30 BST
  });
});
