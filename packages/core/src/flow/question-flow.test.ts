import { LitElement, type TemplateResult } from 'lit';
import { describe, expect, it, onTestFinished } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { fixture } from '@council-kit/core/testing';
import { QuestionFlow, type Step, type StepChangeDetail } from './question-flow.js';
import { checkAnswers } from './check-answers.js';
import { radios, stepHeading, textField } from '../forms/fields.js';
import { ApiError } from '../http/errors.js';
import { coreStrings, flowStrings } from '../i18n/core.i18n.js';
import { translate, type Catalogue } from '../i18n/translate.js';

interface Answers {
  colour: string;
  name: string;
}

const strings: Catalogue = {
  en: {
    ...flowStrings.en,
    colourTitle: 'Which colour?',
    errorColour: 'Select a colour',
    nameLabel: 'Your name',
    errorName: 'Enter your name, {who}',
    noneTitle: 'We only paint in colour',
    'refused-closed': 'We are not taking requests this week',
  },
  cy: { ...flowStrings.cy },
};

const DRAFT = `council-kit:flow-test:${location.pathname}`;

/** A tiny journey: colour (none is a dead end), name, check answers, done. */
class FlowTest extends LitElement {
  static override properties = { noRemember: { type: Boolean, attribute: 'no-remember' } };
  noRemember = false;
  /** What Send does; each test sets it. */
  sender: (answers: Answers, key: string) => Promise<{ reference: string } | undefined> = async () => ({ reference: 'R1' });
  sent: { reference: string }[] = [];
  /** True: Continue on the name stays, as while the element checks the name with a request. */
  hold = false;

  /** The journey; a test may push steps loaded later. */
  steps: Step<Answers, { reference: string }>[] = [
    {
      id: 'colour',
      render: (f) =>
        radios({
          id: 'colour',
          legend: f.t('colourTitle'),
          legendIsHeading: true,
          options: ['red', 'blue', 'none'].map((value) => ({ value, label: value })),
          value: f.answers.colour,
          error: f.errorFor('colour-0'),
          errorPrefix: f.t('errorPrefix'),
          onChange: (colour) => f.set({ colour }),
        }),
      check: (a) => (a.colour ? [] : [{ field: 'colour-0', message: 'errorColour' }]),
      next: (a) => (a.colour === 'none' ? 'none' : 'name'),
    },
    { id: 'none', page: true, render: (f) => stepHeading(f.t('noneTitle')) },
    {
      id: 'name',
      render: (f) =>
        textField({ id: 'name', label: f.t('nameLabel'), value: f.answers.name, error: f.errorFor('name'), errorPrefix: f.t('errorPrefix'), onInput: (name) => f.set({ name }) }),
      check: (a) => (a.name.trim() ? [] : [{ field: 'name', message: 'errorName', params: { who: 'resident' } }]),
      next: () => (this.hold ? undefined : 'check'),
    },
    {
      id: 'check',
      page: true,
      render: (f) =>
        checkAnswers(f, [
          { key: 'Colour', value: f.answers.colour, onChange: () => f.go('colour') },
          { key: 'Name', value: f.answers.name, onChange: () => f.go('name') },
        ]),
    },
    { id: 'done', page: true, render: (f) => stepHeading(`Sent: ${f.receipt!.reference}`) },
  ];

  flow = new QuestionFlow<Answers, { reference: string }>(this, {
    steps: this.steps,
    answers: { colour: '', name: '' },
    draft: 'flow-test',
    t: (key, params) => translate(key in strings.en ? strings : coreStrings, key, 'en', params),
    send: (answers, key) => this.sender(answers, key),
    sent: (receipt) => this.sent.push(receipt),
  });

  override render(): TemplateResult {
    return this.flow.render();
  }
}
if (!customElements.get('flow-test')) customElements.define('flow-test', FlowTest);

/** Renders the journey; `steps` collects every `council-step-change` the page hears. */
async function journey(attributes = ''): Promise<{ el: FlowTest; steps: StepChangeDetail[] }> {
  const steps: StepChangeDetail[] = [];
  const listen = (e: CustomEvent<StepChangeDetail>) => void steps.push(e.detail);
  document.addEventListener('council-step-change', listen);
  onTestFinished(() => document.removeEventListener('council-step-change', listen));
  const el = await fixture<FlowTest>(`<flow-test ${attributes}></flow-test>`);
  return { el, steps };
}

const focused = (el: FlowTest) => el.shadowRoot!.activeElement;
const next = () => userEvent.click(page.getByRole('button', { name: 'Continue' }));

async function answerToCheck(): Promise<void> {
  await userEvent.click(page.getByLabelText('red'));
  await next();
  await userEvent.fill(page.getByLabelText('Your name'), 'Ann');
  await next();
  await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
}

describe('QuestionFlow', () => {
  it('moves through the steps, goes Back with answers kept, focuses each heading and says where it is', async () => {
    const { el, steps } = await journey();
    await expect.element(page.getByRole('group', { name: 'Which colour?' })).toBeVisible();
    // Nothing moves focus on the page's first render.
    expect(focused(el)).toBeNull();
    expect(page.getByRole('button', { name: 'Back' }).elements()).toHaveLength(0);

    await userEvent.click(page.getByLabelText('blue'));
    await next();
    await expect.element(page.getByLabelText('Your name')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Back' }));
    await expect.element(page.getByLabelText('blue')).toBeChecked();
    await expect.poll(() => focused(el)?.textContent).toBe('Which colour?');
    expect(steps).toEqual([
      { step: 'name', index: 1, first: false, done: false },
      { step: 'colour', index: 0, first: true, done: false },
    ]);
  });

  it('tells the page how far the resident has come and when the confirmation shows, never what they answered', async () => {
    const { steps } = await journey();
    await answerToCheck();
    // A Change returns through check answers: the way Back, and so the index, keeps check answers.
    await userEvent.click(page.getByRole('button', { name: 'Change Colour' }));
    await expect.element(page.getByLabelText('red')).toBeChecked();
    await next();
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'Sent: R1' })).toBeVisible();
    expect(steps).toEqual([
      { step: 'name', index: 1, first: false, done: false },
      { step: 'check', index: 2, first: false, done: false },
      { step: 'colour', index: 2, first: false, done: false },
      { step: 'check', index: 2, first: false, done: false },
      { step: 'done', index: 3, first: false, done: true },
    ]);
    expect(JSON.stringify(steps)).not.toMatch(/red|Ann/);
  });

  it('shows unanswered questions in the error summary and beside the field, and focuses the summary', async () => {
    const { el } = await journey();
    await next();
    await expect.element(page.getByRole('link', { name: 'Select a colour' })).toBeVisible();
    expect(focused(el)?.classList.contains('error-summary')).toBe(true);
    await expect.element(page.getByRole('group', { name: 'Which colour?' })).toHaveAccessibleDescription(expect.stringContaining('Select a colour'));
    await userEvent.click(page.getByRole('link', { name: 'Select a colour' }));
    expect(focused(el)?.id).toBe('colour-0');

    await userEvent.click(page.getByLabelText('red'));
    await next();
    await next();
    // Message parameters come from the step's check.
    await expect.element(page.getByRole('link', { name: 'Enter your name, resident' })).toBeVisible();
    await expect.element(page.getByLabelText('Your name')).toHaveAttribute('aria-invalid', 'true');
  });

  it('returns to check answers after a Change, but always shows a dead end', async () => {
    await journey();
    await answerToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Change Colour' }));
    await userEvent.click(page.getByLabelText('blue'));
    await next();
    await expect.element(page.getByRole('heading', { name: 'Check your answers before sending' })).toBeVisible();
    await expect.element(page.getByText('blue', { exact: true })).toBeVisible();

    await userEvent.click(page.getByRole('button', { name: 'Change Colour' }));
    await userEvent.click(page.getByLabelText('none'));
    await next();
    await expect.element(page.getByRole('heading', { name: 'We only paint in colour' })).toBeVisible();
  });

  it('restores the draft when the element is created again, and keeps none with no-remember', async () => {
    await journey();
    await userEvent.click(page.getByLabelText('red'));
    await next();
    await expect.element(page.getByLabelText('Your name')).toBeVisible();
    expect(JSON.parse(sessionStorage.getItem(DRAFT)!)).toMatchObject({ step: 'name', history: ['colour'], answers: { colour: 'red' } });

    document.querySelector('flow-test')!.remove();
    const { el, steps } = await journey();
    await expect.element(page.getByLabelText('Your name')).toBeVisible();
    expect(el.flow.answers.colour).toBe('red');
    // The restored step is announced too, so the host page can keep its intro hidden.
    expect(steps).toEqual([{ step: 'name', index: 1, first: false, done: false }]);
    expect(focused(el)).toBeNull();
    await userEvent.click(page.getByRole('button', { name: 'Back' }));
    await expect.element(page.getByLabelText('red')).toBeChecked();

    document.querySelector('flow-test')!.remove();
    sessionStorage.clear();
    await journey('no-remember');
    await userEvent.click(page.getByLabelText('red'));
    await next();
    await expect.element(page.getByLabelText('Your name')).toBeVisible();
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
  });

  it('sends once per submission: Try again reuses the key, a changed answer gets a new one, the draft clears when sent', async () => {
    const { el, steps } = await journey();
    const keys: string[] = [];
    let fail = true;
    el.sender = async (answers, key) => {
      keys.push(key);
      if (fail) throw new ApiError('http', 'HTTP 503', { status: 503 });
      return { reference: `R-${answers.colour}` };
    };
    await answerToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'Sorry, there is a problem with the service' })).toBeVisible();
    await expect.poll(() => focused(el)?.textContent).toBe('Sorry, there is a problem with the service');
    await expect.element(page.getByText('Ann')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await expect.poll(() => keys.length).toBe(2);
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(sessionStorage.getItem(DRAFT)!).idempotencyKey).toBe(keys[0]);

    await userEvent.click(page.getByRole('button', { name: 'Change Colour' }));
    await userEvent.click(page.getByLabelText('blue'));
    await next();
    fail = false;
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('heading', { name: 'Sent: R-blue' })).toBeVisible();
    expect(keys[2]).not.toBe(keys[0]);
    expect(el.sent).toEqual([{ reference: 'R-blue' }]);
    expect(sessionStorage.getItem(DRAFT)).toBeNull();
    await expect.poll(() => focused(el)?.textContent).toBe('Sent: R-blue');
    expect(steps.at(-1)).toEqual({ step: 'done', index: 3, first: false, done: true });
    expect(page.getByRole('button', { name: 'Back' }).elements()).toHaveLength(0);
  });

  it('lets the element handle an answer itself: no receipt, no problem panel', async () => {
    const { el } = await journey();
    el.sender = async () => {
      // As a slot taken meanwhile (409): back to the question, with the reason.
      el.flow.go('colour');
      el.flow.check([{ field: 'colour-0', message: 'errorColour' }]);
      return undefined;
    };
    await answerToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('link', { name: 'Select a colour' })).toBeVisible();
    await expect.poll(() => focused(el)?.classList.contains('error-summary')).toBe(true);
    expect(el.flow.receipt).toBeUndefined();
    expect(el.flow.failure).toBeUndefined();
    expect(sessionStorage.getItem(DRAFT)).toContain('"step":"colour"');
  });

  it('stays on a step whose Continue the element handles itself, and takes steps added later', async () => {
    const { el, steps } = await journey();
    el.hold = true;
    await userEvent.click(page.getByLabelText('red'));
    await next();
    await userEvent.fill(page.getByLabelText('Your name'), 'Ann');
    await next();
    // Checked (no errors), but not moved on: the element decides, e.g. once a request answers.
    expect(el.flow.step).toBe('name');
    expect(el.flow.errors).toEqual([]);
    expect(steps.map((s) => s.step)).toEqual(['name']);

    // A step that arrives later (a chunk loaded on demand) is found like the others.
    el.steps.push({ id: 'later', page: true, render: (f) => stepHeading(`Later, ${f.answers.name}`) });
    el.flow.go('later');
    await expect.element(page.getByRole('heading', { name: 'Later, Ann' })).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Back' }));
    await expect.element(page.getByLabelText('Your name')).toHaveValue('Ann');
  });

  it('explains a refusal in the element’s words, without Try again', async () => {
    const { el } = await journey();
    el.sender = async () => {
      throw new ApiError('http', 'HTTP 422', { status: 422, problem: { type: 'https://council-kit.dev/problems/closed', status: 422 } });
    };
    await answerToCheck();
    await userEvent.click(page.getByRole('button', { name: 'Send' }));
    await expect.element(page.getByRole('alert')).toHaveTextContent('We are not taking requests this week');
    await expect.poll(() => focused(el)?.classList.contains('refused')).toBe(true);
    expect(page.getByRole('button', { name: 'Try again' }).elements()).toHaveLength(0);
  });
});
