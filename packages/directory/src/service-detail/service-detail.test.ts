import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture, mockApi } from '@council-kit/core/testing';
import { orukQuirksPage, orukV3Page } from '@council-kit/contracts/fixtures';
import { serviceDetailStrings } from './service-detail.i18n.js';
import './define.js';

describe('<council-service-detail>', () => {
  it('shows the whole service in plain words with safe contact links', async () => {
    mockApi({ 'GET /oruk/services/svc-food-bank': { body: orukV3Page.contents[0] } });
    await fixture(`<council-service-detail api-base="/oruk" service-id="svc-food-bank" back-url="/find-services"></council-service-detail>`);
    await expect.element(page.getByRole('heading', { name: 'Anytown Food Bank' })).toBeVisible();
    await expect.element(page.getByText('Run by Anytown Community Trust')).toBeVisible();
    await expect.element(page.getByText('Bring a referral voucher if you have one.')).toBeVisible();
    await expect.element(page.getByRole('link', { name: '01632 960 123' })).toHaveAttribute('href', 'tel:01632960123');
    await expect.element(page.getByRole('link', { name: 'help@foodbank.anytown.example' })).toHaveAttribute('href', 'mailto:help@foodbank.anytown.example');
    await expect.element(page.getByText('Accessibility: Step-free entrance, Accessible toilet')).toBeVisible();
    await expect.element(page.getByText('First Saturday of the month 9am to midday')).toBeVisible();
    await expect.element(page.getByText('English, Welsh, Polish')).toBeVisible();
    await expect.element(page.getByText('Information last checked 1 October 2026')).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Back to results' })).toHaveAttribute('href', '/find-services');
  });

  it('names the service as the page heading at the level asked for, and tells the page its name', async () => {
    mockApi({ 'GET /oruk/services/svc-food-bank': { body: orukV3Page.contents[0] } });
    const shown: unknown[] = [];
    document.addEventListener('council-service-shown', (event) => shown.push((event as CustomEvent).detail), { once: true });
    await fixture(`<council-service-detail api-base="/oruk" service-id="svc-food-bank" heading-level="1"></council-service-detail>`);
    await expect.element(page.getByRole('heading', { level: 1, name: 'Anytown Food Bank' })).toBeVisible();
    await expect.poll(() => shown).toEqual([{ id: 'svc-food-bank', name: 'Anytown Food Bank' }]);
  });

  it('asks for the page language and marks English kept on a Welsh page lang="en"', async () => {
    const { calls } = mockApi({ 'GET /oruk/services/svc-food-bank': { body: { ...orukV3Page.contents[0], language: 'en' } } });
    const el = await fixture(`<div lang="cy"><council-service-detail api-base="/oruk" service-id="svc-food-bank"></council-service-detail></div>`);
    await expect.element(page.getByRole('heading', { name: 'Anytown Food Bank' })).toBeVisible();
    expect(calls[0]!.headers.get('Accept-Language')).toBe('cy');
    const root = el.shadowRoot!;
    expect(root.querySelector('[role="heading"]')!.getAttribute('lang')).toBe('en');
    expect([...root.querySelectorAll('p[lang]')].map((p) => [p.textContent, p.getAttribute('lang')])).toEqual([
      ['Emergency food parcels for anyone in need.', 'en'],
      ['Bring a referral voucher if you have one.', 'en'],
    ]);
  });

  it('on a Welsh page, marks the feed’s other English words lang="en" too, and its own words not', async () => {
    const [foodBank] = orukV3Page.contents as Record<string, unknown>[];
    const welsh = {
      ...foodBank,
      name: 'Banc Bwyd Anytown',
      language: 'cy',
      details_language: 'en',
      organization: { name: 'Anytown Community Trust', language: 'en' },
      phones: [{ number: '01632 960 123', description: 'Weekday mornings' }],
      schedules: [{ freq: 'WEEKLY', byday: 'MO', opens_at: '10:00', closes_at: '12:00' }, { description: 'By appointment' }],
      cost_options: [{ option: '£2 a visit', amount: 2 }],
      service_at_locations: [{ location: { name: 'St Mary’s Church Hall', language: 'en', accessibility: [{ description: 'Step-free entrance' }] } }],
    };
    mockApi({ 'GET /oruk/services/svc-food-bank': { body: welsh } });
    const el = await fixture(`<div lang="cy"><council-service-detail api-base="/oruk" service-id="svc-food-bank"></council-service-detail></div>`);
    await expect.element(page.getByRole('heading', { name: 'Banc Bwyd Anytown' })).toBeVisible();
    const english = [...el.shadowRoot!.querySelectorAll('[lang="en"]')].map((node) => node.textContent!.trim());
    expect(english).toEqual([
      'Anytown Community Trust',
      'Weekday mornings',
      'St Mary’s Church Hall',
      'Step-free entrance',
      'By appointment',
      '£2 a visit',
      'Anyone living in Anytown',
      'English, Welsh, Polish',
    ]);
    // The sentence around the name, and times worded by the element, stay Welsh.
    await expect.element(page.getByText('Yn cael ei redeg gan Anytown Community Trust')).toBeVisible();
    expect(el.shadowRoot!.querySelector('[role="heading"]')!.getAttribute('lang')).toBe('cy');
  });

  it('gives "not found" the same heading level, and fires nothing', async () => {
    mockApi({ 'GET /oruk/services/gone': { status: 404 } });
    let fired = false;
    document.addEventListener('council-service-shown', () => (fired = true), { once: true });
    await fixture(`<council-service-detail api-base="/oruk" service-id="gone" heading-level="1"></council-service-detail>`);
    await expect.element(page.getByRole('heading', { level: 1, name: 'We could not find this service' })).toBeVisible();
    expect(fired).toBe(false);
  });

  it('returns to the search the resident came from', async () => {
    sessionStorage.setItem('council-kit:directory:last-search', '/find-services?q=food&page=2');
    mockApi({ 'GET /oruk/services/svc-toddlers': { body: orukV3Page.contents[1] } });
    await fixture(`<council-service-detail api-base="/oruk" service-id="svc-toddlers" back-url="/find-services"></council-service-detail>`);
    await expect.element(page.getByRole('link', { name: 'Back to results' })).toHaveAttribute('href', '/find-services?q=food&page=2');
    await expect.element(page.getByText('Ages 0 to 5')).toBeVisible();
  });

  it('never links to an unsafe URL from the feed', async () => {
    mockApi({ 'GET /oruk/services/svc-quirk': { body: orukQuirksPage.contents[0] } });
    const el = await fixture(`<council-service-detail api-base="/oruk" service-id="svc-quirk"></council-service-detail>`);
    await expect.element(page.getByText('Advice & support', { exact: true })).toBeVisible();
    expect([...el.shadowRoot!.querySelectorAll('a')].some((a) => a.href.startsWith('javascript'))).toBe(false);
  });

  it('offers Try again when the feed fails, and moves focus to the service when it loads', async () => {
    mockApi({ 'GET /oruk/services/svc-food-bank': [{ raw: '<html>Bad gateway' }, { body: orukV3Page.contents[0] }] });
    const el = await fixture(`<council-service-detail api-base="/oruk" service-id="svc-food-bank"></council-service-detail>`);
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.element(page.getByRole('heading', { name: 'Anytown Food Bank' })).toBeVisible();
    await expect.poll(() => el.shadowRoot!.activeElement?.textContent).toBe('Anytown Food Bank');
  });

  it('says no service was found when the page was opened without one, rather than waiting for ever', async () => {
    mockApi({});
    await fixture(`<council-service-detail api-base="/oruk" back-url="/find-services"></council-service-detail>`);
    await expect.element(page.getByRole('heading', { name: 'We could not find this service' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Back to results' })).toBeVisible();
  });

  it('says when a service no longer exists', async () => {
    mockApi({ 'GET /oruk/services/gone': { status: 404 } });
    await fixture(`<council-service-detail api-base="/oruk" service-id="gone"></council-service-detail>`);
    await expect.element(page.getByRole('heading', { name: 'We could not find this service' })).toBeVisible();
  });

  it('shows Welsh opening times on a Welsh page', async () => {
    mockApi({ 'GET /oruk/services/svc-food-bank': { body: orukV3Page.contents[0] } });
    await fixture(`<div lang="cy"><council-service-detail api-base="/oruk" service-id="svc-food-bank"></council-service-detail></div>`);
    await expect.element(page.getByText('Bob dydd Llun, bob dydd Mercher a bob dydd Gwener 10yb i 12:30yp')).toBeVisible();
  });

  it('has Welsh for every message', () => {
    for (const key of Object.keys(serviceDetailStrings.en)) expect(serviceDetailStrings.cy, key).toHaveProperty(key);
  });
});
