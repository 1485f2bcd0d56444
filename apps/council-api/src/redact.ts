import { isPostgresUrl } from './db/database.js';

/** A DATABASE_URL fit for a log or terminal: a PostgreSQL password is replaced with `***`. */
export function redactDatabaseUrl(url: string): string {
  if (!isPostgresUrl(url)) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable URL)';
  }
}
