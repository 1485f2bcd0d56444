import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';

/** The name the build copies the contracts' OpenAPI document to, beside the bundle in dist/ (see tsup.config.ts). */
export const bundledOpenApiFile = 'openapi.json';

/**
 * Where the council API's OpenAPI document is: the copy in dist/ when running the build (the
 * published package bundles `@council-kit/contracts` and does not install it), else the one in
 * `@council-kit/contracts` (running from the sources, as the tests do).
 */
export function openApiPath(): string {
  const bundled = fileURLToPath(new URL(`./${bundledOpenApiFile}`, import.meta.url));
  return existsSync(bundled) ? bundled : createRequire(import.meta.url).resolve('@council-kit/contracts/openapi.json');
}

/** `GET /openapi.json`: the contract this API serves, straight from the contracts package. */
export function openApiRoutes(): Hono {
  const app = new Hono();
  let document: string | undefined;

  app.get('/openapi.json', (c) => {
    document ??= readFileSync(openApiPath(), 'utf8');
    return c.body(document, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=300',
    });
  });

  return app;
}
