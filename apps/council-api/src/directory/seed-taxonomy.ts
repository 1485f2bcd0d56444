import type { TaxonomyTermsTable } from '../db/schema.js';
import { directoryUuid } from './ids.js';
import { welshTerms } from './seed-welsh.js';

/** The vocabulary Anytown's directory terms belong to (ORUK `taxonomy_term.taxonomy`). */
export const TAXONOMY = 'Anytown service categories';

interface TermDefinition {
  code: string;
  name: string;
  description: string;
  parent?: string;
}

/** Anytown's categories: ten top-level terms, each with two or three narrower ones. */
const terms: TermDefinition[] = [
  { code: 'food', name: 'Food and essentials', description: 'Food, meals, clothing and things for the home.' },
  { code: 'food-banks', name: 'Food banks', description: 'Emergency food parcels and community pantries.', parent: 'food' },
  { code: 'community-meals', name: 'Community meals', description: 'Hot meals and cafés where you can eat with others.', parent: 'food' },
  { code: 'clothing', name: 'Clothing and household items', description: 'Free or low-cost clothes, furniture and baby equipment.', parent: 'food' },
  { code: 'money', name: 'Money and debt', description: 'Help with money, debt and benefits.' },
  { code: 'debt-advice', name: 'Debt advice', description: 'Free, confidential advice on debts and dealing with creditors.', parent: 'money' },
  { code: 'benefits-advice', name: 'Benefits advice', description: 'Checking what you are entitled to and help to claim it.', parent: 'money' },
  { code: 'health', name: 'Health and wellbeing', description: 'Looking after your body and mind.' },
  { code: 'mental-health', name: 'Mental health', description: 'Talking therapies, peer support and crisis help.', parent: 'health' },
  { code: 'physical-activity', name: 'Physical activity', description: 'Walks, exercise classes and sport for all abilities.', parent: 'health' },
  { code: 'drugs-alcohol', name: 'Drug and alcohol support', description: 'Confidential help for anyone affected by drugs or alcohol.', parent: 'health' },
  { code: 'families', name: 'Families and children', description: 'Support for parents, carers and young children.' },
  { code: 'baby-toddler', name: 'Baby and toddler groups', description: 'Play, songs and stories for under-fives with their grown-ups.', parent: 'families' },
  { code: 'parenting', name: 'Parenting support', description: 'Courses and advice for parents.', parent: 'families' },
  { code: 'childcare', name: 'Childcare', description: 'Nurseries, childminders and holiday clubs.', parent: 'families' },
  { code: 'young-people', name: 'Young people', description: 'Activities and support for 11 to 25 year olds.' },
  { code: 'youth-clubs', name: 'Youth clubs', description: 'Safe places for young people to meet, play and learn.', parent: 'young-people' },
  { code: 'mentoring', name: 'Mentoring', description: 'One-to-one support from a trained mentor.', parent: 'young-people' },
  { code: 'older-people', name: 'Older people', description: 'Company, activities and practical help for older residents.' },
  { code: 'lunch-clubs', name: 'Lunch clubs', description: 'A hot lunch and good company for older people.', parent: 'older-people' },
  { code: 'befriending', name: 'Befriending', description: 'Regular visits or calls from a friendly volunteer.', parent: 'older-people' },
  { code: 'carers', name: 'Carers', description: 'Support for people who look after someone.' },
  { code: 'carers-support', name: 'Carers’ support', description: 'Groups, breaks and advice for unpaid carers.', parent: 'carers' },
  { code: 'learning', name: 'Learning and skills', description: 'Classes, libraries and skills for life and work.' },
  { code: 'english-classes', name: 'English classes', description: 'English for speakers of other languages (ESOL).', parent: 'learning' },
  { code: 'digital-skills', name: 'Digital skills', description: 'Help using computers, phones and the internet.', parent: 'learning' },
  { code: 'libraries', name: 'Libraries', description: 'Books, computers, events and quiet space.', parent: 'learning' },
  { code: 'housing', name: 'Housing', description: 'Somewhere safe to live.' },
  { code: 'homelessness', name: 'Homelessness support', description: 'Help if you are homeless or about to lose your home.', parent: 'housing' },
  { code: 'housing-advice', name: 'Housing advice', description: 'Advice on renting, repairs and tenancy rights.', parent: 'housing' },
  { code: 'work', name: 'Work and volunteering', description: 'Finding work and giving your time.' },
  { code: 'job-clubs', name: 'Job clubs', description: 'Help with CVs, applications and interviews.', parent: 'work' },
  { code: 'volunteering', name: 'Volunteering', description: 'Ways to give your time to the community.', parent: 'work' },
];

/** The term rows, ids fixed by position: the same on every fresh database. */
export function generateTaxonomyTerms(): TaxonomyTermsTable[] {
  const ids = new Map(terms.map((term, index) => [term.code, directoryUuid('taxonomyTerm', index + 1)]));
  return terms.map((term) => ({
    id: ids.get(term.code)!,
    code: term.code,
    name: term.name,
    description: term.description,
    parent_id: term.parent ? ids.get(term.parent)! : null,
    taxonomy: TAXONOMY,
    name_cy: welshTerms[term.code]?.name ?? null,
    description_cy: welshTerms[term.code]?.description ?? null,
  }));
}

/** Codes of the narrowest terms: the ones services are classified under. */
export const leafTermCodes: readonly string[] = terms.filter((term) => term.parent).map((term) => term.code);
