export * from './schema.js';
export { parse, parseRequest, pointer, reader, type FieldError, type Issue, type ParseResult, type RequestResult } from './parse.js';
export { toJsonSchema, type JsonSchema, type JsonSchemaOptions } from './json-schema.js';
