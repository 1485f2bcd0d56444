import type { Migration } from 'kysely';
import * as addresses from './0001-addresses.js';
import * as waste from './0002-waste.js';
import * as directory from './0003-directory.js';
import * as repairs from './0004-repairs.js';
import * as sharedState from './0005-shared-state.js';
import * as repairManageTokens from './0006-repair-manage-tokens.js';
import * as notifyDelivery from './0007-notify-delivery.js';
import * as handoff from './0008-handoff.js';
import * as payments from './0009-payments.js';
import * as repairCodes from './0010-repair-codes.js';
import * as imports from './0011-imports.js';
import * as directoryFeeds from './0012-directory-feeds.js';
import * as gardenSubscriptions from './0014-garden-subscriptions.js';
import * as directoryWelshSearch from './0013-directory-welsh-search.js';
import * as bulkyWaste from './0015-bulky-waste.js';
import * as bulkyUnpaid from './0016-bulky-unpaid.js';

/**
 * Every migration, in order. Listed in code (not globbed from disk) so the bundled server
 * carries them. Forward-only: add a new file with the next number; never edit a shipped one.
 */
export const migrations: Record<string, Migration> = {
  '0001-addresses': addresses,
  '0002-waste': waste,
  '0003-directory': directory,
  '0004-repairs': repairs,
  '0005-shared-state': sharedState,
  '0006-repair-manage-tokens': repairManageTokens,
  '0007-notify-delivery': notifyDelivery,
  '0008-handoff': handoff,
  '0009-payments': payments,
  '0010-repair-codes': repairCodes,
  '0011-imports': imports,
  '0012-directory-feeds': directoryFeeds,
  '0013-directory-welsh-search': directoryWelshSearch,
  '0014-garden-subscriptions': gardenSubscriptions,
  '0015-bulky-waste': bulkyWaste,
  '0016-bulky-unpaid': bulkyUnpaid,
};
