import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { CouncilDb } from '../db/database.js';
import type { Logger } from '../logger.js';
import { createNotifyClient, notifyProductionUrl, type OutboxClient } from './notify-client.js';
import { startOutboxSender, type OutboxSender } from './sender.js';
import { loadNotifyTemplates, type NotifyTemplateIds } from './templates-file.js';

/**
 * The templates file, read when `NOTIFY_API_KEY` is set (before the database is opened, so a
 * bad file stops the start at once: a ConfigError naming it and the bad key).
 */
export function notifyTemplatesFromConfig(config: Pick<Config, 'notifyApiKey' | 'notifyTemplatesFile'>): NotifyTemplateIds | undefined {
  return config.notifyApiKey && config.notifyTemplatesFile ? loadNotifyTemplates(config.notifyTemplatesFile) : undefined;
}

/**
 * The server's sender when `NOTIFY_API_KEY` is set and its templates were read (else undefined:
 * the outbox only fills). `client` replaces the real Notify client (tests point one at a stub).
 */
export function senderFromConfig(
  config: Pick<Config, 'notifyApiKey' | 'notifyBaseUrl'>,
  templates: NotifyTemplateIds | undefined,
  deps: { db: CouncilDb; clock: Pick<Clock, 'now'>; logger: Logger; client?: OutboxClient | undefined },
): OutboxSender | undefined {
  const { notifyApiKey, notifyBaseUrl = notifyProductionUrl } = config;
  if (!notifyApiKey || !templates) return undefined;
  const client = deps.client ?? createNotifyClient(notifyBaseUrl, notifyApiKey);
  // The base URL and how many templates, never the key.
  deps.logger.info('sending the notify outbox', { baseUrl: notifyBaseUrl, templates: templates.size });
  return startOutboxSender({ db: deps.db, clock: deps.clock, logger: deps.logger, client, templates });
}
