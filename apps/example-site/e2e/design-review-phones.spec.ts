import { expect, test, type APIRequestContext } from '@playwright/test';
import { directoryPages, serviceDetail } from './directory-support.ts';

// A phone number read across two lines is misread and misdialled (issue 16): at 375px every
// tel: link inside an element stays on one line, in English and Welsh.
test.use({ viewport: { width: 375, height: 812 } });

interface OrukPhone {
  number?: string;
}
interface OrukService {
  id: string;
  phones?: OrukPhone[];
  contacts?: { phones?: OrukPhone[] }[];
}

/** The id of a service in the feed with at least one phone number. */
async function serviceWithPhone(request: APIRequestContext): Promise<string> {
  const list = (await (await request.get('/oruk/services?per_page=20')).json()) as { contents: { id: string }[] };
  for (const { id } of list.contents) {
    const service = (await (await request.get(`/oruk/services/${id}`)).json()) as OrukService;
    if ([...(service.phones ?? []), ...(service.contacts ?? []).flatMap((c) => c.phones ?? [])].some((p) => p.number)) return id;
  }
  throw new Error('No service in the first page of the feed has a phone number');
}

for (const lang of ['en', 'cy'] as const) {
  test(`the service detail keeps each phone number on one line at 375px (${lang})`, async ({ page, request }) => {
    const id = await serviceWithPhone(request);
    await page.goto(`${directoryPages.detail[lang]}?id=${id}`);
    const phones = serviceDetail(page).locator('dd a[href^="tel:"]');
    await expect(phones.first()).toBeVisible();
    const lines = await phones.evaluateAll((links) =>
      links.map((link) => {
        // Narrower than any number, as a long description beside it would leave it at 375px.
        link.closest<HTMLElement>('dd')!.style.inlineSize = '5em';
        const range = document.createRange();
        range.selectNodeContents(link);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return `${link.textContent}: ${tops.size}`;
      }),
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/: 1$/);
  });
}
