import { ContractError } from '../validate.js';
import type { DirectoryCost, DirectoryLocation, DirectorySchedule, DirectoryService } from './model.js';
import { isObject, list, number, text, words, type Json } from './fields.js';
import { plainText, safeUrl } from './text.js';

/** Shown the one way residents expect ("AN2 3BD"), whatever case and spacing the feed used. */
const postcode = (v: unknown): string | undefined => {
  const t = words(v);
  // The shape alone (not the validator's served-area rules, which a feed's places need not meet).
  const shape = t && /^([a-z]{1,2}\d[a-z\d]?) *(\d[a-z]{2})$/i.exec(t);
  return shape ? `${shape[1]} ${shape[2]}`.toUpperCase() : t;
};
const time = (v: unknown): string | undefined => {
  const match = typeof v === 'string' ? /^(\d{1,2}):(\d{2})/.exec(v) : null;
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
};
const date = (v: unknown): string | undefined => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : undefined);

const V1_DAYS: Record<string, string> = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' };

function schedules(service: Json): DirectorySchedule[] {
  const v3 = list(service.schedules).map((s) => ({
    freq: text(s.freq)?.toUpperCase(),
    byday: (text(s.byday) ?? '').split(',').map((d) => d.trim().toUpperCase()).filter(Boolean),
    opensAt: time(s.opens_at),
    closesAt: time(s.closes_at),
    description: plainText(s.description) || undefined,
  }));
  // v1: one row per weekday ("regular_schedules": [{ weekday: "Monday", opens_at, closes_at }]).
  const v1 = list(service.regular_schedules).map((s) => {
    const day = V1_DAYS[(text(s.weekday) ?? '').toLowerCase()] ?? (text(s.weekday)?.slice(0, 2).toUpperCase() ?? '');
    return { freq: 'WEEKLY', byday: day ? [day] : [], opensAt: time(s.opens_at), closesAt: time(s.closes_at), description: undefined };
  });
  return [...v3, ...v1].filter((s) => s.byday.length || s.opensAt || s.description);
}

function location(raw: Json): DirectoryLocation {
  const address = list(raw.addresses)[0] ?? list(raw.physical_addresses)[0];
  const parts = address ? [address.address_1, address.address_2, address.city, address.state_province].map(words).filter(Boolean) : [];
  const accessibility = [...list(raw.accessibility), ...list(raw.accessibility_for_disabilities)]
    .map((a) => plainText(a.description ?? a.accessibility ?? a.details))
    .filter(Boolean);
  return {
    name: words(raw.name),
    address: parts.join(', ') || undefined,
    postcode: address ? postcode(address.postal_code) : undefined,
    lat: number(raw.latitude),
    lng: number(raw.longitude),
    accessibility,
    lang: text(raw.language),
  };
}

function costs(service: Json): DirectoryCost[] {
  return list(service.cost_options).map((c) => {
    const amount = number(c.amount);
    const description = plainText(c.option ?? c.amount_description) || undefined;
    return { free: amount === 0 || /\bfree\b/i.test(description ?? ''), amount, currency: text(c.currency), description };
  });
}

/** Reads one ORUK service (v3 or v1) or service_at_location; throws when `id` or `name` is missing. */
export function parseOrukService(raw: unknown, path = ''): DirectoryService {
  if (!isObject(raw)) throw new ContractError(path, 'object');
  // /service_at_locations returns { service, location, distance }: unwrap, keeping its location.
  const wrapped = isObject(raw.service) ? raw : undefined;
  const service = wrapped ? (raw.service as Json) : raw;
  const id = text(service.id);
  const name = words(service.name);
  if (!id) throw new ContractError(`${path}${wrapped ? '.service' : ''}.id`, 'string');
  if (!name) throw new ContractError(`${path}${wrapped ? '.service' : ''}.name`, 'string');
  const organisation = isObject(service.organization) ? service.organization : isObject(service.organisation) ? service.organisation : undefined;
  const locations = wrapped && isObject(wrapped.location) ? [location(wrapped.location)] : list(service.service_at_locations).map((sal) => location(isObject(sal.location) ? sal.location : sal));
  const phones = [...list(service.phones), ...list(service.contacts).flatMap((c) => list(c.phones))]
    .map((p) => ({ number: text(p.number) ?? '', description: words(p.description) }))
    .filter((p) => /^[+\d][\d\s()-]{5,}$/.test(p.number));
  const categories = [
    ...list(service.attributes).map((a) => (isObject(a.taxonomy_term) ? a.taxonomy_term : undefined)),
    ...list(service.service_taxonomys).map((t) => (isObject(t.taxonomy) ? t.taxonomy : undefined)),
  ]
    .filter(isObject)
    .map((t) => ({ id: text(t.id) ?? '', name: words(t.name) ?? '' }))
    .filter((t) => t.id && t.name);
  const languages = list(service.languages).map((l) => words(l.name) ?? words(l.language) ?? '').filter(Boolean);
  const eligibility = plainText(service.eligibility_description) || list(service.eligibilitys).map((e) => plainText(e.eligibility)).filter(Boolean).join('; ') || undefined;
  const distance = number(wrapped?.distance) ?? number(service.distance) ?? (number(raw.distance_away) !== undefined ? number(raw.distance_away)! * 1609.344 : undefined);
  const email = text(service.email);
  return {
    id,
    name,
    description: plainText(service.description),
    organisation: organisation && words(organisation.name) ? { id: text(organisation.id), name: words(organisation.name)!, url: safeUrl(organisation.website ?? organisation.url), lang: text(organisation.language) } : undefined,
    url: safeUrl(service.url),
    email: email && /^[^\s@]+@[^\s@]+$/.test(email) ? email : undefined,
    phones,
    locations,
    schedules: schedules(service),
    costs: costs(service),
    eligibility,
    minimumAge: number(service.minimum_age),
    maximumAge: number(service.maximum_age),
    languages,
    categories,
    distance,
    lastUpdated: date(service.assured_date) ?? date(service.last_modified),
    lang: text(service.language),
    detailsLang: text(service.details_language),
  };
}
