// The Anytown example site's server: static files from dist/ with strict security headers, and
// a reverse proxy for the council API (/api/*, the Open Referral UK feed /oruk/*, /healthz), so
// pages call the API on their own origin and need no CORS. Dependency-free (node:http), so any council can read it in one go
// and do the same with nginx, Apache or a CDN.
//
//   node server.mjs                     PORT (4173), HOST (127.0.0.1), API_URL (http://127.0.0.1:8080),
//                                       COUNCIL_TODAY (a demo or test day, YYYY-MM-DD: see `today` below)
//   import { startSite } from './server.mjs'; await startSite({ port, apiUrl })
import { Buffer } from 'node:buffer';
import { createReadStream, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import path from 'node:path';
import { setTimeout } from 'node:timers';
import { URL, fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';

const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultRoot = path.join(here, 'dist');

/**
 * Everything the pages load comes from this origin; no inline script or style, no eval, and
 * DOM sinks only take Trusted Types (Lit creates its own `lit-html` policy).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

/** Sent with every page and file. (Add Strict-Transport-Security once the site is on HTTPS.) */
export const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
};

/** @type {Record<string, string>} */
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};
const compressible = /^(text\/|application\/(json|manifest\+json|xml)|image\/svg\+xml)/;

/** Paths the council API answers (its API, its Open Referral UK feed); everything else is a file from dist/. */
const isApiPath = (/** @type {string} */ pathname) =>
  pathname.startsWith('/api/') || pathname === '/oruk' || pathname.startsWith('/oruk/') || pathname === '/healthz';

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection and are never forwarded.
const hopByHop = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {import('node:http').OutgoingHttpHeaders}
 */
function withoutHopByHop(headers) {
  const named = new Set(hopByHop);
  for (const token of String(headers.connection ?? '').split(',')) if (token.trim()) named.add(token.trim().toLowerCase());
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !named.has(name.toLowerCase())));
}

const compress = { br: promisify(brotliCompress), gzip: promisify(gzip) };

/**
 * The encoding to send a body of this type and size in, from what the browser accepts (Brotli
 * first), or null when it is not worth it or not accepted.
 * @param {import('node:http').IncomingMessage} req @param {string} type @param {number} size
 * @returns {'br' | 'gzip' | null}
 */
function encodingFor(req, type, size) {
  const accepts = String(req.headers['accept-encoding'] ?? '');
  return !compressible.test(type) || size < 512 ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
}

/**
 * `raw` compressed: `best` for what is compressed once and kept, `fast` for what is made per request.
 * @param {Buffer} raw @param {'br' | 'gzip'} encoding @param {'best' | 'fast'} effort
 */
function compressed(raw, encoding, effort) {
  return encoding === 'br'
    ? compress.br(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: effort === 'best' ? 11 : 5, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : compress.gzip(raw, { level: effort === 'best' ? 9 : 6 });
}

/**
 * Starts the site. Resolves once it listens, with its URL and a `close()` that finishes
 * in-flight responses and cuts idle keep-alive connections.
 *
 * `today` (`YYYY-MM-DD`, the API's `COUNCIL_TODAY`) puts `<meta name="council-today">` in every
 * page, so the elements' clock agrees with the API's in demos and tests, in any browser.
 *
 * `renderToday` (`YYYY-MM-DD`, default `today`) is the day the server-rendered pages (no-js/)
 * are rendered for, without a meta tag: tests that fix the browser's clock set it to the API's day.
 * @param {{ port?: number, host?: string, apiUrl?: string, root?: string, today?: string, renderToday?: string, log?: (line: string) => void }} [options]
 */
export async function startSite({ port = 4173, host = '127.0.0.1', apiUrl = 'http://127.0.0.1:8080', root = defaultRoot, today, renderToday = today, log } = {}) {
  for (const day of [today, renderToday]) if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`today must be YYYY-MM-DD, not ${day}`);
  const rootDir = path.resolve(root);
  try {
    await stat(path.join(rootDir, 'index.html'));
  } catch {
    throw new Error(`${rootDir} has no index.html: build the site first (npx turbo run build --filter=@council-kit/example-site).`);
  }
  const api = new URL(apiUrl);
  const compressedCache = new Map();

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on('finish', () => log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://site.invalid');
    } catch {
      return sendText(res, 400, 'Bad request');
    }
    if (isApiPath(url.pathname)) return proxy(req, res, url, api);
    serve(req, res, url, { rootDir, apiUrl, today, renderToday }, compressedCache).catch((error) => {
      log?.(`error serving ${req.url}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'Internal server error');
      else res.destroy();
    });
  });
  // Slow-loris guards; Node's defaults are generous.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;

  /** @type {Promise<void>} */
  const listening = new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  await listening;
  const actualPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' || host === '::1' ? 'localhost' : host;

  /** @type {Promise<void> | undefined} */
  let closing;
  const close = () =>
    (closing ??= /** @type {Promise<void>} */ (new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 3000).unref();
    })));

  return { server, port: actualPort, url: `http://${shownHost}:${actualPort}`, close };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [extraHeaders]
 */
function sendText(res, status, text, extraHeaders = {}) {
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extraHeaders });
  res.end(text);
}

// ---- the API proxy -----------------------------------------------------------------------

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {URL} api
 */
function proxy(req, res, url, api) {
  const target = new URL(url.pathname + url.search, api);
  const headers = withoutHopByHop(req.headers);
  headers.host = api.host;
  // Replace, never append: a client-sent X-Forwarded-For must not become the "client IP" the
  // API rate-limits on (start the API with TRUST_PROXY=true to use this header).
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';

  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(target, { method: req.method, headers, timeout: 30_000 }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
    answer.pipe(res);
    answer.on('error', () => res.destroy());
  });
  upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('API timeout'), { code: 'ETIMEDOUT' })));
  upstream.on('error', (/** @type {NodeJS.ErrnoException} */ error) => {
    if (res.headersSent) return res.destroy();
    const timedOut = error.code === 'ETIMEDOUT';
    const status = timedOut ? 504 : 502;
    const body = JSON.stringify({
      type: 'about:blank',
      title: timedOut ? 'Gateway Timeout' : 'Bad Gateway',
      status,
      detail: timedOut ? 'The council API did not answer in time.' : 'The council API could not be reached.',
    });
    res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  // The resident went away (e.g. a superseded lookup was aborted): stop waiting for the API.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}

// ---- server-rendered pages ---------------------------------------------------------------

/** The no-JavaScript journeys (no-js/routes.mjs), loaded once, on the first request. */
/** @type {Promise<typeof import('./no-js/routes.mjs')> | undefined} */
let noJsRoutes;

/**
 * A server-rendered page (a no-JavaScript journey's step) when one answers `url`, else the file.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {{ rootDir: string, apiUrl: string, today: string | undefined, renderToday: string | undefined }} site
 * @param {CompressedCache} cache
 */
async function serve(req, res, url, site, cache) {
  if (req.method === 'GET' || req.method === 'HEAD') {
    // The page's own address, for the absolute links it carries (the calendar's webcal:): from
    // the Host the browser asked, when it is a plain host name (the page is never cached).
    const host = /^[a-z0-9.-]+(:\d{1,5})?$/i.test(req.headers.host ?? '') ? req.headers.host : 'localhost';
    const pageUrl = new URL(url.pathname + url.search, `http://${host}`);
    const answer = await (noJsRoutes ??= import('./no-js/routes.mjs')).then((routes) => routes.serverRendered(pageUrl, site));
    if (answer) {
      const raw = Buffer.from(answer.body);
      // Compressed like the static files (a results page is ~50 kB of HTML, ~8 kB compressed):
      // a stylesheet (immutable) once, at the best level; a page, made for this request, at a
      // level quick enough to do every time.
      const encoding = encodingFor(req, answer.type, raw.length);
      const cacheKey = answer.immutable && encoding ? `${pageUrl.pathname}|${encoding}` : undefined;
      let body = cacheKey ? cache.get(cacheKey) : undefined;
      if (!body) {
        body = encoding ? await compressed(raw, encoding, answer.immutable ? 'best' : 'fast') : raw;
        if (cacheKey) cache.set(cacheKey, body);
      }
      res.writeHead(answer.status, {
        ...securityHeaders,
        'Content-Type': answer.type,
        // A page answers one resident's postcode or property: never kept by a shared cache.
        'Cache-Control': answer.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
        Vary: 'Accept-Encoding',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        'Content-Length': body.length,
      });
      return res.end(req.method === 'HEAD' ? undefined : body);
    }
  }
  return serveStatic(req, res, url, site.rootDir, cache, site.today);
}

// ---- static files ------------------------------------------------------------------------

/** @typedef {Map<string, Buffer>} CompressedCache */

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 * @param {string} rootDir
 * @param {CompressedCache} cache
 * @param {string | undefined} today
 */
async function serveStatic(req, res, url, rootDir, cache, today) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
  }
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return sendText(res, 400, 'Bad request');
  }
  // No NUL bytes, no dot-files or dot-directories, and nothing outside dist/.
  const file = path.join(rootDir, path.normalize(pathname));
  const inside = file === rootDir || file.startsWith(rootDir + path.sep);
  if (pathname.includes('\0') || !inside || pathname.split('/').some((part) => part.startsWith('.'))) {
    return notFound(req, res, rootDir, pathname, today);
  }

  let found = await statOrNull(file);
  let served = file;
  if (found?.isDirectory()) {
    if (!url.pathname.endsWith('/')) {
      // Relative links on /cy/find-your-address/ need the trailing slash.
      res.writeHead(301, { ...securityHeaders, Location: url.pathname + '/' + url.search, 'Cache-Control': 'no-cache' });
      return res.end();
    }
    served = path.join(file, 'index.html');
    found = await statOrNull(served);
  }
  if (!found?.isFile()) return notFound(req, res, rootDir, pathname, today);
  return sendFile(req, res, served, found, 200, cache, rootDir, today);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} rootDir
 * @param {string} pathname
 * @param {string | undefined} today
 */
async function notFound(req, res, rootDir, pathname, today) {
  const page = path.join(rootDir, pathname.startsWith('/cy/') || pathname === '/cy' ? 'cy/404.html' : '404.html');
  const found = await statOrNull(page);
  if (!found?.isFile()) return sendText(res, 404, 'Not found');
  return sendFile(req, res, page, found, 404, undefined, rootDir, today);
}

/** @param {string} file */
async function statOrNull(file) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file
 * @param {import('node:fs').Stats} info
 * @param {number} status
 * @param {CompressedCache | undefined} cache
 * @param {string} rootDir
 * @param {string | undefined} today
 */
async function sendFile(req, res, file, info, status, cache, rootDir, today) {
  const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  // A page on a demo or test day carries the day for the elements' clock (see startSite).
  const source = today !== undefined && type.startsWith('text/html') ? Buffer.from((await readFile(file, 'utf8')).replace('<head>', `<head>\n    <meta name="council-today" content="${today}">`)) : undefined;
  const size = source?.length ?? info.size;
  const hashed = path.relative(rootDir, file).startsWith(`assets${path.sep}`);
  const etag = `W/"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  /** @type {Record<string, string>} */
  const headers = {
    ...securityHeaders,
    'Content-Type': type,
    // Vite puts a content hash in every asset's name, so those never change; pages always revalidate.
    'Cache-Control': status !== 200 ? 'no-store' : hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (status === 200) headers.ETag = etag;
  if (status === 200 && req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    return res.end();
  }

  const encoding = encodingFor(req, type, size);
  if (!encoding) {
    res.writeHead(status, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD' || source) return res.end(req.method === 'HEAD' ? undefined : source);
    return createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  const key = `${file}|${info.mtimeMs}|${encoding}`;
  let body = cache?.get(key);
  if (!body) {
    body = await compressed(source ?? (await readFile(file)), encoding, 'best');
    cache?.set(key, body);
  }
  res.writeHead(status, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

// ---- run directly ------------------------------------------------------------------------

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return pathToFileURL(realpathSync(process.argv[1])).href === pathToFileURL(realpathSync(fileURLToPath(import.meta.url))).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const port = Number(process.env.PORT ?? 4173);
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8080';
  try {
    const today = process.env.COUNCIL_TODAY || undefined;
    const renderToday = process.env.COUNCIL_RENDER_TODAY || today;
    const site = await startSite({ port, host: process.env.HOST ?? '127.0.0.1', apiUrl, today, renderToday, log: process.env.LOG_REQUESTS ? console.log : undefined });
    console.log(`Anytown example site on ${site.url} (API proxied to ${apiUrl})`);
    const stop = (/** @type {NodeJS.Signals} */ signal) => {
      console.log(`Example site stopping (${signal})`);
      site.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    console.error(`Example site failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
