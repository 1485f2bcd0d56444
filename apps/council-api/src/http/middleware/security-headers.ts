import type { MiddlewareHandler } from 'hono';

/**
 * Headers for a JSON-only API. The CSP forbids everything because no response is ever meant
 * to render as a page. CORP is `cross-origin` because council sites on other origins fetch this
 * API (CORS decides who may read it). Routes may set their own `Cache-Control`.
 */
export const securityHeaderValues: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    for (const [name, value] of Object.entries(securityHeaderValues)) {
      if (!headers.has(name)) headers.set(name, value);
    }
  };
}
