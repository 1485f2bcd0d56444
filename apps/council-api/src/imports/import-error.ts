import { SourceError } from './read-source.js';

/**
 * A source that can be read but not imported (a missing column, a malformed file, no usable
 * row): nothing is written and the previous import stays. A {@link SourceError}, so the
 * `council-api import` command reports both the same way: the message, no stack trace.
 */
export class ImportError extends SourceError {
  override name = 'ImportError';
}
