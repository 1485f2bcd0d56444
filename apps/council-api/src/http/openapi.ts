import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Hono } from 'hono';

/** Where `@council-kit/contracts` keeps the council API's OpenAPI document. */
export function openApiPath(): string {
  return createRequire(import.meta.url).resolve('@council-kit/contracts/openapi.json');
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
