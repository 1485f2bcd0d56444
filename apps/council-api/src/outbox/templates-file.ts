import { readFileSync } from 'node:fs';
import { ConfigError } from '../config.js';
import type { Lang } from '../http/lang.js';
import { defaultNotifyTemplates } from '../notify.js';

/**
 * `NOTIFY_TEMPLATES_FILE`: a JSON object from the API's template names (the README's
 * "Notifications" table, e.g. `"missed-collection-email"`) to the council's Notify template ids;
 * a Welsh template under the name plus `.cy` (`"missed-collection-email.cy"`). Read once at
 * start, so a typo stops the server instead of failing every message later.
 */
export type NotifyTemplateIds = ReadonlyMap<string, string>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names the outbox stores (the default template ids). */
export const templateNames: readonly string[] = Object.values(defaultNotifyTemplates).filter((name): name is string => Boolean(name));

/** Reads and checks the file; a ConfigError names the file and the bad key. */
export function loadNotifyTemplates(file: string): NotifyTemplateIds {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const why = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    throw new ConfigError(`NOTIFY_TEMPLATES_FILE ${file} ${why}.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError(`NOTIFY_TEMPLATES_FILE ${file} must hold a JSON object from template names to Notify template ids.`);
  }
  const ids = new Map<string, string>();
  for (const [key, value] of Object.entries(parsed)) {
    const name = key.endsWith('.cy') ? key.slice(0, -3) : key;
    if (!templateNames.includes(name)) {
      throw new ConfigError(`NOTIFY_TEMPLATES_FILE ${file}: "${key}" is not a template name (${templateNames.join(', ')}, each optionally with ".cy").`);
    }
    if (typeof value !== 'string' || !uuid.test(value)) {
      throw new ConfigError(`NOTIFY_TEMPLATES_FILE ${file}: "${key}" must be a Notify template id (a UUID).`);
    }
    ids.set(key, value);
  }
  return ids;
}

/**
 * The Notify id to send a stored template name with: the Welsh one (`name.cy`) for a Welsh
 * message when configured, else the English one. A stored value that is itself a UUID (a council
 * passing real ids in `notifyTemplates`) is used as it is. Undefined: nothing configured.
 */
export function templateIdFor(ids: NotifyTemplateIds, name: string, lang: Lang): string | undefined {
  if (lang === 'cy' && ids.has(`${name}.cy`)) return ids.get(`${name}.cy`);
  return ids.get(name) ?? (uuid.test(name) ? name : undefined);
}
