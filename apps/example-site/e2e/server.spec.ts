import { expect, test } from '@playwright/test';

test('pages and assets come with the right types, caching and security headers', async ({ request, page }) => {
  const home = await request.get('/');
  expect(home.status()).toBe(200);
  const headers = home.headers();
  expect(headers['content-type']).toBe('text/html; charset=utf-8');
  expect(headers['cache-control']).toBe('no-cache');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(headers['permissions-policy']).toContain('geolocation=()');
  expect(headers['set-cookie']).toBeUndefined();

  await page.goto('/find-your-address/');
  const script = await page.locator('script[type="module"]').first().getAttribute('src');
  const stylesheet = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  const js = await request.get(script!);
  expect(js.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  expect(js.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await request.get(stylesheet!)).headers()['content-type']).toBe('text/css; charset=utf-8');
  expect((await request.get('/favicon.svg')).headers()['content-type']).toBe('image/svg+xml');
});

test('text is compressed when the browser accepts it', async ({ request }) => {
  const response = await request.get('/find-your-address/', { headers: { 'Accept-Encoding': 'br' } });
  expect(response.headers()['content-encoding']).toBe('br');
  expect(await response.text()).toContain('<council-address-lookup');
});

test('server-rendered pages and their element stylesheets are compressed too, and pages are never cached', async ({ request }) => {
  const results = await request.get('/local-services/?q=food+bank', { headers: { 'Accept-Encoding': 'gzip, br' } });
  expect(results.headers()).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'no-store', vary: 'Accept-Encoding' });
  const html = await results.text();
  expect(html).toMatch(/<template [^>]*shadowrootmode="open"/);
  const sheet = /href="(\/council-kit\/ssr\/[^"]+\.css)"/.exec(html)?.[1];
  expect(sheet).toBeTruthy();
  const css = await request.get(sheet!, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(css.headers()).toMatchObject({ 'content-encoding': 'gzip', 'cache-control': 'public, max-age=31536000, immutable' });
  expect(await css.text()).toContain(':host');
  // A browser that asks for nothing gets it as it is.
  expect((await request.get('/local-services/?q=food+bank', { headers: { 'Accept-Encoding': 'identity' } })).headers()['content-encoding']).toBeUndefined();
});

test('unknown paths get the 404 page in the right language', async ({ request }) => {
  const english = await request.get('/no-such-page');
  expect(english.status()).toBe(404);
  expect(await english.text()).toContain('<h1>Page not found</h1>');
  const welsh = await request.get('/cy/dim-tudalen');
  expect(welsh.status()).toBe(404);
  expect(await welsh.text()).toContain('<html lang="cy">');
});

test('directories redirect to their trailing slash and serve index.html', async ({ request }) => {
  const redirect = await request.get('/cy/find-your-address', { maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(redirect.headers()['location']).toBe('/cy/find-your-address/');
  expect(await (await request.get('/cy/find-your-address/')).text()).toContain('<h1>Dod o hyd i’ch cyfeiriad</h1>');
});

test('nothing outside dist/ is served, and only GET and HEAD are allowed', async ({ request, baseURL }) => {
  for (const path of ['/%2e%2e/package.json', '/..%2fserver.mjs', '/%2e%2e/%2e%2e/package.json', '/.env']) {
    const response = await fetch(baseURL + path);
    expect(response.status, path).toBe(404);
  }
  const post = await request.post('/');
  expect(post.status()).toBe(405);
  expect(post.headers()['allow']).toBe('GET, HEAD');
});

test('the council API is proxied on the same origin', async ({ request }) => {
  expect(await (await request.get('/healthz')).json()).toEqual({ status: 'ok' });
  const lookup = await request.get('/api/v1/addresses?postcode=AN1%201AA');
  expect(lookup.status()).toBe(200);
  const body = await lookup.json();
  expect(body.postcode).toBe('AN1 1AA');
  expect(body.addresses.length).toBeGreaterThanOrEqual(10);
  const invalid = await request.get('/api/v1/addresses?postcode=nonsense');
  expect(invalid.status()).toBe(400);
  expect(invalid.headers()['content-type']).toContain('application/problem+json');
});
