import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The hand-written ORUK v3 JSON Schemas (test/schemas/oruk-v3), compiled once with formats checked. */
const dir = new URL('./schemas/oruk-v3/', import.meta.url);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  ajv.addSchema(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as object);
}

export type OrukSchema =
  | 'root'
  | 'service'
  | 'service_page'
  | 'service_at_location_item'
  | 'service_at_location_page'
  | 'taxonomy'
  | 'taxonomy_page'
  | 'taxonomy_term'
  | 'taxonomy_term_page'
  | 'organization_page'
  | 'organization_with_services';

/** Every way `value` breaks the schema, as "path message" lines; empty when it is valid. */
export function orukErrors(schema: OrukSchema, value: unknown): string[] {
  const validate = ajv.getSchema(`https://council-kit.dev/schemas/oruk-v3/${schema}.json`);
  if (!validate) throw new Error(`No schema ${schema}`);
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}
