import { AsyncLocalStorage } from 'node:async_hooks';
/** The languages Council Kit elements speak. */
export type Locale = 'en' | 'cy';

/** What one render knows about the page it renders for. */
export interface RenderContext {
  /** The page's language: every Council Kit element in the render speaks it. */
  lang: Locale;
  /** The page's absolute address, which relative links and the `api-base` resolve against. */
  pageUrl: string;
  /** The day to treat as today (`YYYY-MM-DD`), as the page's `<meta name="council-today">`. */
  today?: string;
  /** Where each element's stylesheet is linked from (see `stylesheetHref`). */
  stylesheetBase: string;
}

// A web server renders many pages at once, each awaiting its own data: the context follows each
// render through its awaits instead of living in one module variable two requests would share.
const storage = new AsyncLocalStorage<RenderContext>();

/** Runs `render` with `context` as the current render's. */
export function withRenderContext<T>(context: RenderContext, render: () => Promise<T>): Promise<T> {
  return storage.run(context, render);
}

/** The context of the render in progress, if any. */
export function currentRender(): RenderContext | undefined {
  return storage.getStore();
}
