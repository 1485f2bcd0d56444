import { LitElementRenderer, type RenderInfo } from '@lit-labs/ssr';
import type { ThunkedRenderResult } from '@lit-labs/ssr/lib/render-result.js';
import { currentRender } from './render-context.js';
import { elementStylesheet } from './stylesheets.js';
import { escapeAttribute } from './escape.js';

/** The parts of a Council Kit element the renderer sets before it renders (all public or documented). */
interface CouncilElementLike {
  locale?: string;
  today?: string;
}

/**
 * Lit's element renderer with what Council Kit elements need on a server:
 *
 * - the language: in a browser an element reads it from the closest `[lang]` when it connects,
 *   which never happens on a server, so the render's language is given to it (and to every
 *   element nested inside it);
 * - the day, when the page has one (`today`), as the page's `<meta name="council-today">` does;
 * - styles as a `<link rel="stylesheet">` to the element's stylesheet file instead of Lit's inline
 *   `<style>`, so the page keeps a `style-src 'self'` Content Security Policy. The link stays in
 *   the shadow root when the element hydrates (hydration never re-adopts styles).
 */
export class CouncilElementRenderer extends LitElementRenderer {
  override connectedCallback(): void {
    const context = currentRender();
    if (context) {
      const element = this.element as unknown as CouncilElementLike;
      element.locale = context.lang;
      if (context.today && !element.today) element.today = context.today;
    }
    super.connectedCallback();
  }

  override renderShadow(renderInfo: RenderInfo): ThunkedRenderResult | undefined {
    const rendered = super.renderShadow(renderInfo);
    const context = currentRender();
    const styleEnd = rendered?.indexOf('</style>') ?? -1;
    if (!rendered || !context || rendered[0] !== '<style>' || styleEnd < 0) return rendered;
    const href = context.stylesheetBase + elementStylesheet(this.tagName).fileName;
    return [`<link rel="stylesheet" href="${escapeAttribute(href)}">`, ...rendered.slice(styleEnd + 1)];
  }
}
