import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { elementCatalogues, mistakesIn, sentencesOf, unknownMarks, type ElementCatalogue } from './welsh-sentences.ts';

/**
 * Every sentence each element can say, English beside Welsh, with sample values in place of its
 * parameters (a Thursday, 7am, "Cyngor Bwrdeistref Anytown", the afternoon slot), each plural
 * form once. It is built from the catalogues as the elements translate them, through core's
 * Welsh grammar (`{date|lower|soft}`, `{council|soft}`, `{time|time}`: see `Catalogue`), so a
 * Welsh speaker reviews what residents read. A council's own `strings` are not shown.
 */
const meta = {
  title: 'Guides/Welsh sentences',
  parameters: { layout: 'padded' },
} satisfies Meta;
export default meta;

function table(element: ElementCatalogue): TemplateResult {
  return html`<h1>Welsh sentences: ${element.tag}</h1>
    <table class="welsh-sentences">
      <thead>
        <tr><th scope="col">Key</th><th scope="col">English</th><th scope="col" lang="cy">Cymraeg</th></tr>
      </thead>
      <tbody>
        ${sentencesOf(element).map(
          (s) => html`<tr>
            <td data-label="Key"><code>${s.key}</code>${s.count === undefined ? '' : html` (count ${s.count})`}</td>
            <td data-label="English" lang="en">${s.en}</td>
            <td data-label="Cymraeg" lang="cy">${s.cy}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * One element's sentences, as a story: a table to review, and a check that none of the mistakes
 * a Welsh reviewer reported (issue 16) comes back in any of them.
 */
function sentences(tag: string): StoryObj {
  const element = elementCatalogues.find((e) => e.tag === tag)!;
  return {
    name: tag,
    render: () => html`<style>
        .welsh-sentences { border-collapse: collapse; inline-size: 100%; }
        .welsh-sentences th, .welsh-sentences td { border-block-end: 1px solid #b1b4b6; padding: 0.5rem; text-align: start; vertical-align: top; }
        .welsh-sentences code { overflow-wrap: anywhere; }
        /* At 320px (and 400% zoom) three columns do not fit: each row becomes a block of labelled lines. */
        @media (width <= 40em) {
          .welsh-sentences thead { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); }
          .welsh-sentences tr, .welsh-sentences td { display: block; }
          .welsh-sentences tr { border-block-end: 1px solid #b1b4b6; padding-block: 0.5rem; }
          .welsh-sentences td { border: 0; padding: 0.125rem 0; }
          .welsh-sentences td::before { content: attr(data-label) ': '; font-weight: bold; }
        }
      </style>
      <p>Sample values: Thursday 26 November 2026, 7am, Anytown Borough Council, the afternoon slot; each plural form once.</p>
      ${table(element)}`,
    play: async () => {
      const mistakes = sentencesOf(element).flatMap((s) => mistakesIn(s.cy).map((why) => `${s.key}: "${s.cy}" (${why})`));
      await expect(mistakes).toEqual([]);
      await expect(unknownMarks(element)).toEqual([]);
    },
  };
}

export const Core = sentences('every element (core)');
export const AddressLookup = sentences('council-address-lookup');
export const BinDay = sentences('council-bin-day');
export const MissedBinReport = sentences('council-missed-bin-report');
export const ContainerRequest = sentences('council-container-request');
export const RepairReport = sentences('council-repair-report');
export const RepairAppointment = sentences('council-repair-appointment');
export const DirectorySearch = sentences('council-directory-search');
export const ServiceDetail = sentences('council-service-detail');
export const CouncilApi = sentences('council-api (calendar and confirmations)');
