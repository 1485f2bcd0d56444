import type { Schema } from './schema.js';

export type JsonSchema = { [keyword: string]: unknown };

export interface JsonSchemaOptions {
  /** For request bodies: every object gets `additionalProperties: false`, as `parseRequest` refuses unknown keys. */
  strict?: boolean;
  /** Schemas written as a `$ref` to `refPrefix + name` wherever they appear inside another. */
  refs?: ReadonlyMap<Schema, string>;
  /** Default `#/components/schemas/` (OpenAPI). */
  refPrefix?: string;
}

/** Drops the keywords a node does not use, so the document carries only what says something. */
function defined(schema: JsonSchema): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of a schema node. Rules given as `check` or
 * `parse` functions cannot be written as JSON Schema: say them in the OpenAPI document's
 * descriptions (packages/contracts/src/openapi).
 */
export function toJsonSchema(schema: Schema, options: JsonSchemaOptions = {}, nested = false): JsonSchema {
  const name = nested ? options.refs?.get(schema) : undefined;
  if (name) return { $ref: `${options.refPrefix ?? '#/components/schemas/'}${name}` };
  const inner = (node: Schema): JsonSchema => toJsonSchema(node, options, true);
  switch (schema.type) {
    case 'string':
      return defined({
        type: 'string',
        format: schema.format,
        pattern: schema.format == 'date' ? '^\\d{4}-\\d{2}-\\d{2}$' : schema.pattern?.source,
        minLength: schema.min,
        maxLength: schema.max,
      });
    case 'number':
    case 'integer':
      return defined({ type: schema.type, minimum: schema.min, maximum: schema.max });
    case 'boolean':
      return { type: 'boolean' };
    case 'literal':
      return { type: typeof schema.value, const: schema.value };
    case 'picklist':
      return { type: 'string', enum: [...schema.options] };
    case 'array':
      return defined({ type: 'array', items: inner(schema.item), minItems: schema.min, maxItems: schema.max, uniqueItems: schema.unique ? true : undefined });
    case 'object': {
      const keys = Object.keys(schema.shape);
      const required = keys.filter((key) => schema.shape[key].type != 'optional');
      return defined({
        type: 'object',
        additionalProperties: options.strict ? false : undefined,
        required: required.length ? required : undefined,
        properties: Object.fromEntries(keys.map((key) => [key, inner(schema.shape[key])])),
      });
    }
    case 'optional':
      return toJsonSchema(schema.wrapped, options, nested);
    case 'nullable':
      return { anyOf: [inner(schema.wrapped), { type: 'null' }] };
    case 'union':
      return { anyOf: schema.options.map(inner) };
  }
}
