/** How a feed's last run went: `running` (or killed mid-run), `failed` (resumable from `cursor`), `complete`. */
export type DirectoryFeedStatus = 'running' | 'failed' | 'complete';

/** A feed `council-api import directory` reads (migration 0012). */
export interface DirectoryFeedsTable {
  /** `--feed-id`, by default the URL's host. */
  id: string;
  url: string;
  /** `v3` or `v1`, as last detected or given. */
  version: string | null;
  status: DirectoryFeedStatus;
  /** The run records are marked seen by; kept while a failed run is resumed. */
  run_id: string | null;
  /** The next page to read when the last run failed part-way; null after a complete run. */
  cursor: number | null;
  last_run_at: string | null;
  last_complete_at: string | null;
  /** Why the last run stopped, without secrets (a status, a timeout). */
  last_error: string | null;
}

/** What kind of directory row a feed record became. */
export type DirectoryFeedRecordKind = 'service' | 'location' | 'organization' | 'taxonomy_term';

/** Where an imported row came from (migration 0012). */
export interface DirectoryFeedRecordsTable {
  feed_id: string;
  kind: DirectoryFeedRecordKind;
  /** The feed's own id for the record. */
  source_id: string;
  /** Our row's id (a service shared by two feeds has one `local_id` and two records). */
  local_id: string;
  /** The run that last saw the record. */
  seen_run: string;
  /** A hash of the record as published: unchanged records are not rewritten. */
  hash: string | null;
  /** Services: the normalised name two feeds' copies are matched on. */
  name_key: string | null;
  /** Services: the organisation's normalised name and the compact postcodes, space separated. */
  match_keys: string | null;
}
