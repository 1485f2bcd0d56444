import { parseEmail, parseUkPhone } from '@council-kit/core/validators';
import { containerIds, containerReasons, isCalendarDate, type ContainerId, type ContainerReason } from '../config.js';
import type { FieldError, Parsed } from '../http/fields.js';

export interface Contact {
  email?: string;
  phone?: string;
}

/** `POST /waste/missed-collections`, as `<council-missed-bin-report>` sends it. */
export interface MissedCollectionRequest {
  uprn: string;
  serviceId: string;
  collectionDate: string;
  binOutInTime: true;
  contact: Contact;
}

/** `POST /waste/container-requests`, as `<council-container-request>` sends it. */
export interface ContainerRequest {
  uprn: string;
  containerId: ContainerId;
  reason: ContainerReason;
  contact: Contact;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Unknown fields are refused by name when the name is a plain identifier; any other name is
 * never echoed back (the answer must not carry markup or a megabyte of key).
 */
function unknownFields(body: Json, allowed: readonly string[], prefix = ''): FieldError[] {
  return Object.keys(body)
    .filter((key) => !allowed.includes(key))
    .map((key) =>
      /^[A-Za-z0-9_-]{1,40}$/.test(key)
        ? { path: `${prefix}/${key}`, message: 'This field is not allowed' }
        : { path: prefix, message: 'A field with an unexpected name is not allowed' },
    );
}

function uprnError(value: unknown): FieldError[] {
  return typeof value === 'string' && /^[0-9]{1,12}$/.test(value)
    ? []
    : [{ path: '/uprn', message: 'Give the property’s UPRN: a string of up to 12 digits' }];
}

function contactOf(value: unknown, errors: FieldError[]): Contact {
  if (value === undefined) return {};
  if (!isObject(value)) {
    errors.push({ path: '/contact', message: 'Contact details must be an object with email and/or phone' });
    return {};
  }
  errors.push(...unknownFields(value, ['email', 'phone'], '/contact'));
  const contact: Contact = {};
  if (value.email !== undefined) {
    const email = typeof value.email === 'string' ? parseEmail(value.email) : null;
    if (email) contact.email = email;
    else errors.push({ path: '/contact/email', message: 'Enter an email address in the correct format, like name@example.com' });
  }
  if (value.phone !== undefined) {
    const phone = typeof value.phone === 'string' && value.phone.length <= 32 ? parseUkPhone(value.phone) : null;
    if (phone) contact.phone = phone;
    else errors.push({ path: '/contact/phone', message: 'Enter a UK phone number, like 01632 960 001 or 07700 900 982' });
  }
  return contact;
}

const notAnObject: Parsed<never> = { ok: false, errors: [{ path: '', message: 'The request body must be a JSON object' }] };

export function parseMissedCollection(body: unknown): Parsed<MissedCollectionRequest> {
  if (!isObject(body)) return notAnObject;
  const errors = [
    ...unknownFields(body, ['uprn', 'serviceId', 'collectionDate', 'binOutInTime', 'contact']),
    ...uprnError(body.uprn),
  ];
  if (typeof body.serviceId !== 'string' || !/^[a-z][a-z0-9-]{0,31}$/.test(body.serviceId)) {
    errors.push({ path: '/serviceId', message: 'Choose which collection was missed' });
  }
  if (typeof body.collectionDate !== 'string' || !isCalendarDate(body.collectionDate)) {
    errors.push({ path: '/collectionDate', message: 'Give the collection date as YYYY-MM-DD' });
  }
  if (body.binOutInTime !== true) {
    errors.push({
      path: '/binOutInTime',
      message:
        typeof body.binOutInTime === 'boolean'
          ? 'A collection can only be reported as missed when the bin was out in time'
          : 'binOutInTime must be true',
    });
  }
  const contact = contactOf(body.contact, errors);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { uprn: body.uprn as string, serviceId: body.serviceId as string, collectionDate: body.collectionDate as string, binOutInTime: true, contact },
  };
}

export function parseContainerRequest(body: unknown): Parsed<ContainerRequest> {
  if (!isObject(body)) return notAnObject;
  const errors = [...unknownFields(body, ['uprn', 'containerId', 'reason', 'contact']), ...uprnError(body.uprn)];
  if (!(containerIds as readonly unknown[]).includes(body.containerId)) {
    errors.push({ path: '/containerId', message: `Choose a container: ${containerIds.join(', ')}` });
  }
  if (!(containerReasons as readonly unknown[]).includes(body.reason)) {
    errors.push({ path: '/reason', message: `Choose why you need it: ${containerReasons.join(', ')}` });
  }
  const contact = contactOf(body.contact, errors);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { uprn: body.uprn as string, containerId: body.containerId as ContainerId, reason: body.reason as ContainerReason, contact },
  };
}
