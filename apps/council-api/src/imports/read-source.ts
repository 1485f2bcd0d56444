import { readFile } from 'node:fs/promises';

/** Thrown when an import's source cannot be read; the message names the source, never a secret. */
export class SourceError extends Error {
  override name = 'SourceError';
}

/**
 * Reads an import's source: an `https://` (or loopback `http://`, for a stub) URL, fetched with
 * a timeout, or a file path. Text only, as UTF-8 (a byte-order mark is dropped, as councils'
 * spreadsheet exports often start with one).
 */
export async function readSource(source: string, { timeoutMs = 30_000 }: { timeoutMs?: number } = {}): Promise<string> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const url = new URL(source);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !loopback) throw new SourceError(`${url.origin}: only https:// sources are read`);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new SourceError(`${url.origin}${url.pathname}: ${error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${timeoutMs / 1000} s` : 'could not be fetched'}`);
    }
    if (!response.ok) throw new SourceError(`${url.origin}${url.pathname}: answered ${response.status}`);
    text = await response.text();
  } else {
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SourceError(`${source}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not readable' : 'could not be read'}`);
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
