import type { JsonSchema } from '../schema/index.js';

/**
 * The Open Referral UK v3 shapes the council API serves under /oruk, as JSON Schema. They are the
 * standard's, not ours: the elements read ORUK feeds (v3 and the v1 many councils still publish,
 * with local quirks) leniently by hand (../directory/oruk.ts), so these are written out once here
 * for the OpenAPI document, and the API's tests check what it serves against them.
 */
/**
 * An extension on Welsh answers (`lang=cy` or `Accept-Language: cy`): the language of the
 * record's name and description, `cy`, or `en` where there is no Welsh version (shown with
 * `lang="en"` on a Welsh page). ORUK's `languages` says what a service is delivered in instead.
 */
const LANGUAGE: JsonSchema = {
  type: 'string',
  enum: ['en', 'cy'],
  description: 'Extension, on Welsh answers only: the language of this record\'s name and description (`en` where there is no Welsh version).',
};

export const orukSchemas: Record<string, JsonSchema> = {
  OrukApiDetails: {
    type: 'object',
    required: ['version', 'profile', 'openapi_url'],
    properties: { version: { type: 'string', const: '3.0' }, profile: { type: 'string', format: 'uri' }, openapi_url: { type: 'string', format: 'uri' } },
  },
  OrukPage: {
    type: 'object',
    required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'],
    description: 'ORUK v3 paging. `size` is the number of items on this page (not `per_page`); `empty` is true when this page has no items.',
    properties: {
      total_items: { type: 'integer', minimum: 0 },
      total_pages: { type: 'integer', minimum: 0 },
      page_number: { type: 'integer', minimum: 1 },
      size: { type: 'integer', minimum: 0 },
      first_page: { type: 'boolean' },
      last_page: { type: 'boolean' },
      empty: { type: 'boolean' },
    },
  },
  OrukServicePage: {
    allOf: [
      { $ref: '#/components/schemas/OrukPage' },
      {
        type: 'object',
        required: ['contents'],
        properties: {
          contents: { type: 'array', items: { oneOf: [{ $ref: '#/components/schemas/OrukService' }, { $ref: '#/components/schemas/OrukMinimalService' }] } },
        },
      },
    ],
  },
  OrukServiceAtLocationPage: {
    allOf: [
      { $ref: '#/components/schemas/OrukPage' },
      {
        type: 'object',
        required: ['contents'],
        properties: { contents: { type: 'array', items: { $ref: '#/components/schemas/OrukServiceAtLocationItem' } } },
      },
    ],
  },
  OrukTaxonomyTermPage: {
    allOf: [
      { $ref: '#/components/schemas/OrukPage' },
      { type: 'object', required: ['contents'], properties: { contents: { type: 'array', items: { $ref: '#/components/schemas/OrukTaxonomyTerm' } } } },
    ],
  },
  OrukTaxonomy: {
    type: 'object',
    required: ['id', 'name', 'description'],
    description: 'A vocabulary the taxonomy terms come from (`taxonomy` on each term holds its name).',
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      description: { type: 'string' },
      uri: { type: 'string', format: 'uri' },
      version: { type: 'string' },
      language: LANGUAGE,
    },
  },
  OrukTaxonomyPage: {
    allOf: [
      { $ref: '#/components/schemas/OrukPage' },
      { type: 'object', required: ['contents'], properties: { contents: { type: 'array', items: { $ref: '#/components/schemas/OrukTaxonomy' } } } },
    ],
  },
  OrukOrganizationPage: {
    allOf: [
      { $ref: '#/components/schemas/OrukPage' },
      { type: 'object', required: ['contents'], properties: { contents: { type: 'array', items: { $ref: '#/components/schemas/OrukOrganization' } } } },
    ],
  },
  OrukOrganizationWithServices: {
    allOf: [
      { $ref: '#/components/schemas/OrukOrganization' },
      { type: 'object', required: ['services'], properties: { services: { type: 'array', items: { $ref: '#/components/schemas/OrukService' } } } },
    ],
  },
  OrukMinimalService: {
    type: 'object',
    required: ['id', 'last_modified'],
    additionalProperties: false,
    description: 'A service with `minimal=true`: its id and when it last changed.',
    properties: { id: { type: 'string', format: 'uuid' }, last_modified: { type: 'string', format: 'date-time' } },
  },
  OrukOrganization: {
    type: 'object',
    required: ['id', 'name', 'description'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      description: { type: 'string' },
      language: LANGUAGE,
      email: { type: 'string', format: 'email' },
      website: { type: 'string', format: 'uri', pattern: '^https://' },
    },
  },
  OrukTaxonomyTerm: {
    type: 'object',
    required: ['id', 'code', 'name', 'description', 'taxonomy'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      code: { type: 'string' },
      name: { type: 'string' },
      description: { type: 'string' },
      parent_id: { type: 'string', format: 'uuid' },
      taxonomy: { type: 'string', description: 'The vocabulary the term belongs to.' },
      vocabulary: { type: 'string', description: 'The same as `taxonomy`, under its earlier name.' },
      language: LANGUAGE,
    },
  },
  OrukAttribute: {
    type: 'object',
    required: ['id', 'link_id', 'link_type', 'link_entity', 'taxonomy_term_id', 'taxonomy_term'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      link_id: { type: 'string', format: 'uuid' },
      link_type: { type: 'string' },
      link_entity: { type: 'string', const: 'service' },
      taxonomy_term_id: { type: 'string', format: 'uuid' },
      taxonomy_term: { $ref: '#/components/schemas/OrukTaxonomyTerm' },
    },
  },
  OrukAddress: {
    type: 'object',
    required: ['id', 'location_id', 'address_1', 'city', 'state_province', 'postal_code', 'country', 'address_type'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      location_id: { type: 'string', format: 'uuid' },
      address_1: { type: 'string' },
      address_2: { type: 'string' },
      city: { type: 'string' },
      state_province: { type: 'string' },
      postal_code: { type: 'string' },
      country: { type: 'string', pattern: '^[A-Z]{2}$' },
      address_type: { type: 'string', enum: ['physical', 'postal', 'virtual'] },
    },
  },
  OrukAccessibility: {
    type: 'object',
    required: ['id', 'location_id', 'description'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      location_id: { type: 'string', format: 'uuid' },
      description: { type: 'string' },
      details: { type: 'string' },
    },
  },
  OrukLocation: {
    type: 'object',
    required: ['id', 'location_type', 'name', 'addresses', 'accessibility'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      location_type: { type: 'string', enum: ['physical'] },
      name: { type: 'string' },
      description: { type: 'string' },
      latitude: { type: 'number', minimum: -90, maximum: 90, description: 'WGS84; absent when the location has not been geocoded.' },
      longitude: { type: 'number', minimum: -180, maximum: 180 },
      addresses: { type: 'array', items: { $ref: '#/components/schemas/OrukAddress' } },
      accessibility: { type: 'array', items: { $ref: '#/components/schemas/OrukAccessibility' } },
      language: LANGUAGE,
    },
  },
  OrukServiceAtLocation: {
    type: 'object',
    required: ['id', 'service_id', 'location_id', 'location'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      service_id: { type: 'string', format: 'uuid' },
      location_id: { type: 'string', format: 'uuid' },
      description: { type: 'string' },
      location: { $ref: '#/components/schemas/OrukLocation' },
    },
  },
  OrukSchedule: {
    type: 'object',
    required: ['id', 'service_id'],
    description:
      'Opening times as an RFC 5545 RRULE subset; times are Europe/London local. A schedule with only `description` is free text ("By appointment").',
    properties: {
      id: { type: 'string', format: 'uuid' },
      service_id: { type: 'string', format: 'uuid' },
      freq: { type: 'string', enum: ['WEEKLY', 'MONTHLY'] },
      interval: { type: 'integer', minimum: 1 },
      byday: { type: 'string', pattern: '^-?[1-5]?(MO|TU|WE|TH|FR|SA|SU)(,-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$', examples: ['MO,WE,FR', '1SA', '-1FR'] },
      opens_at: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
      closes_at: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' },
      valid_from: { type: 'string', format: 'date' },
      valid_to: { type: 'string', format: 'date' },
      description: { type: 'string' },
    },
  },
  OrukCostOption: {
    type: 'object',
    required: ['id', 'service_id'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      service_id: { type: 'string', format: 'uuid' },
      option: { type: 'string' },
      amount: { type: 'number', minimum: 0, description: '0 when free.' },
      currency: { type: 'string', pattern: '^[A-Z]{3}$' },
      amount_description: { type: 'string' },
    },
  },
  OrukPhone: {
    type: 'object',
    required: ['id', 'service_id', 'number'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      service_id: { type: 'string', format: 'uuid' },
      contact_id: { type: 'string', format: 'uuid', description: 'The named contact the number belongs to, when it is one.' },
      number: { type: 'string' },
      description: { type: 'string' },
    },
  },
  OrukContact: {
    type: 'object',
    required: ['id', 'service_id'],
    description: 'A named contact. Its phone numbers are on the service (`phones`), where ORUK v3 puts them.',
    properties: {
      id: { type: 'string', format: 'uuid' },
      service_id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      title: { type: 'string' },
      email: { type: 'string', format: 'email' },
    },
  },
  OrukLanguage: {
    type: 'object',
    required: ['id', 'service_id', 'name', 'code'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      service_id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      code: { type: 'string', description: 'ISO 639-1.' },
    },
  },
  OrukService: {
    type: 'object',
    required: [
      'id',
      'organization_id',
      'name',
      'description',
      'url',
      'status',
      'last_modified',
      'organization',
      'schedules',
      'contacts',
      'phones',
      'cost_options',
      'attributes',
      'languages',
    ],
    description:
      'An ORUK v3 service, fully nested. Text is plain text as the provider wrote it (it may contain characters such as < and &): render it as text, never as HTML.',
    properties: {
      id: { type: 'string', format: 'uuid' },
      organization_id: { type: 'string', format: 'uuid' },
      name: { type: 'string' },
      description: { type: 'string' },
      url: { type: 'string', format: 'uri', pattern: '^https://' },
      email: { type: 'string', format: 'email' },
      status: { type: 'string', enum: ['active', 'inactive', 'defunct', 'temporarily closed'] },
      eligibility_description: { type: 'string' },
      minimum_age: { type: 'integer', minimum: 0 },
      maximum_age: { type: 'integer', minimum: 0 },
      assured_date: { type: 'string', format: 'date' },
      last_modified: { type: 'string', format: 'date-time' },
      organization: { $ref: '#/components/schemas/OrukOrganization' },
      service_at_locations: {
        type: 'array',
        items: { $ref: '#/components/schemas/OrukServiceAtLocation' },
        description: 'Absent in the services nested in /service_at_locations items.',
      },
      schedules: { type: 'array', items: { $ref: '#/components/schemas/OrukSchedule' } },
      contacts: { type: 'array', items: { $ref: '#/components/schemas/OrukContact' } },
      phones: { type: 'array', items: { $ref: '#/components/schemas/OrukPhone' } },
      cost_options: { type: 'array', items: { $ref: '#/components/schemas/OrukCostOption' } },
      attributes: { type: 'array', items: { $ref: '#/components/schemas/OrukAttribute' } },
      languages: { type: 'array', items: { $ref: '#/components/schemas/OrukLanguage' } },
      distance: { type: 'number', minimum: 0, description: 'Metres from the searched postcode to the nearest location (only when searching by postcode).' },
      language: LANGUAGE,
    },
  },
  OrukServiceAtLocationItem: {
    type: 'object',
    required: ['id', 'service_id', 'location_id', 'service', 'location'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      service_id: { type: 'string', format: 'uuid' },
      location_id: { type: 'string', format: 'uuid' },
      description: { type: 'string' },
      service: { $ref: '#/components/schemas/OrukService' },
      location: { $ref: '#/components/schemas/OrukLocation' },
      distance: { type: 'number', minimum: 0, description: 'Metres from the searched postcode (only when searching by postcode).' },
    },
  },
};
