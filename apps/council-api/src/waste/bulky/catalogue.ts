import { readFileSync } from 'node:fs';
import { ContractError, readBulkyCatalogue, validate, type BulkyCatalogue } from '@council-kit/contracts';
import { ConfigError } from '../../config.js';

/**
 * The bulky waste catalogue is configuration: the council's own JSON (`BULKY_CATALOGUE_FILE`),
 * read and checked once when the API starts (a bad file stops it, naming the path of the first
 * bad value), else Anytown's below. Every instance reads the same file, so they agree.
 */

/** Anytown's items, prices and rules: the demo, and the default until a council sets its own. */
export const anytownBulkyCatalogue: BulkyCatalogue = {
  version: 'anytown-2026-1',
  items: [
    { id: 'sofa', label: { en: 'Sofa', cy: 'Soffa' }, price: 2000, slots: 2 },
    { id: 'armchair', label: { en: 'Armchair', cy: 'Cadair freichiau' }, price: 1000, slots: 1 },
    { id: 'mattress', label: { en: 'Mattress', cy: 'Matres' }, price: 1500, slots: 1 },
    { id: 'bed-frame', label: { en: 'Bed frame', cy: 'Ffrâm gwely' }, price: 1500, slots: 2 },
    { id: 'fridge-freezer', label: { en: 'Fridge or freezer', cy: 'Oergell neu rewgell' }, price: 2500, slots: 2 },
    { id: 'washing-machine', label: { en: 'Washing machine', cy: 'Peiriant golchi' }, price: 2000, slots: 2 },
    { id: 'wardrobe', label: { en: 'Wardrobe', cy: 'Cwpwrdd dillad' }, price: 2000, slots: 2 },
    { id: 'table', label: { en: 'Table', cy: 'Bwrdd' }, price: 1000, slots: 1 },
    { id: 'chair', label: { en: 'Dining chair', cy: 'Cadair fwyta' }, price: 500, slots: 1 },
  ],
  refused: [
    {
      id: 'building-rubble',
      label: { en: 'Building rubble, plasterboard or bricks', cy: 'Rwbel adeiladu, bwrdd plastr neu frics' },
      instead: { en: 'Take it to the household waste recycling centre on Mill Road (small amounts), or hire a skip.', cy: 'Ewch ag ef i’r ganolfan ailgylchu gwastraff cartref ar Ffordd y Felin (symiau bach), neu llogwch sgip.' },
    },
    {
      id: 'tyres',
      label: { en: 'Tyres', cy: 'Teiars' },
      instead: { en: 'Ask a tyre fitter to take them, or take up to 4 to the household waste recycling centre.', cy: 'Gofynnwch i osodwr teiars fynd â nhw, neu ewch â hyd at 4 i’r ganolfan ailgylchu gwastraff cartref.' },
    },
    {
      id: 'asbestos',
      label: { en: 'Asbestos', cy: 'Asbestos' },
      instead: { en: 'Call us: asbestos is collected by a licensed contractor by appointment.', cy: 'Ffoniwch ni: caiff asbestos ei gasglu gan gontractwr trwyddedig drwy apwyntiad.' },
    },
    {
      id: 'garden-waste',
      label: { en: 'Garden waste', cy: 'Gwastraff gardd' },
      instead: { en: 'Use your garden waste bin, or take it to the household waste recycling centre.', cy: 'Defnyddiwch eich bin gwastraff gardd, neu ewch ag ef i’r ganolfan ailgylchu gwastraff cartref.' },
    },
  ],
  maxItems: 6,
  slotsPerDay: 20,
  weeksAhead: 4,
  cutoffWorkingDays: 1,
  cutoffTime: '12:00',
};

/**
 * Checks what the contract's reader cannot: ids unique across items and refused items. Throws
 * a `ContractError` naming the path of the first bad value.
 */
export function checkBulkyCatalogue(value: unknown): BulkyCatalogue {
  const catalogue = validate(readBulkyCatalogue, value);
  const seen = new Set<string>();
  const unique = (id: string, path: string) => {
    if (seen.has(id)) throw new ContractError(path, `an id not already used ("${id}" is)`);
    seen.add(id);
  };
  catalogue.items.forEach((item, i) => unique(item.id, `items[${i}].id`));
  catalogue.refused.forEach((item, i) => unique(item.id, `refused[${i}].id`));
  return catalogue;
}

/**
 * The catalogue to serve: the council's file when `file` is set (checked, or a `ConfigError`
 * so the API does not start), else Anytown's.
 */
export function loadBulkyCatalogue(file: string | undefined): BulkyCatalogue {
  if (!file) return anytownBulkyCatalogue;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`BULKY_CATALOGUE_FILE "${file}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`BULKY_CATALOGUE_FILE "${file}" is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return checkBulkyCatalogue(json);
  } catch (error) {
    if (error instanceof ContractError) {
      throw new ConfigError(`BULKY_CATALOGUE_FILE "${file}" is not a valid bulky waste catalogue: ${error.path || '(root)'}: expected ${error.expected}.`);
    }
    throw error;
  }
}
