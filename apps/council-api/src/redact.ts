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

/**
 * Text fit for a log: every `key=` (and `api_key=`, `token=`) query value replaced with `***`,
 * and every one of `secrets` wherever it appears (an OS Places key echoed in an error, a
 * scraper's stderr). Secrets shorter than 4 characters are left alone (they would blank words).
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/\b((?:api_?)?key|token)=[^&\s"'<>]*/gi, '$1=***');
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('***');
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret && encoded.length >= 4) out = out.split(encoded).join('***');
  }
  return out;
}
