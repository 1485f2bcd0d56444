import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isApiError, type ApiError } from '@council-kit/core';
import { backLink, busy, problemPanel, type Translate } from '@council-kit/core/forms';

/**
 * What the resident waits for besides sending (the catalogue, a property, a repair, free slots),
 * held beside the element's `QuestionFlow`: the busy text while a request runs, and when it
 * fails, the problem panel with Try again (which runs it again). Each change renders the host.
 */
export class Loader {
  /** The busy text while a request runs. */
  busy = '';
  /** Why the last request failed, as thrown. */
  failure?: unknown;
  private retry?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {}

  /**
   * Runs `task`, showing `busy` (none when empty). `handle` may deal with a failure itself (a
   * 404 back to the question) by returning true; a request superseded by a newer one is dropped.
   */
  async run(busy: string, task: () => Promise<void>, handle?: (error: ApiError) => boolean): Promise<void> {
    this.busy = busy;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      await task();
    } catch (error) {
      if (isApiError(error) && (error.kind === 'aborted' || handle?.(error))) return;
      this.failure = error;
      this.retry = () => void this.run(busy, task, handle);
    } finally {
      // Only its own: another request (the lazily loaded steps, say) may have started meanwhile.
      if (this.busy === busy) this.busy = '';
      this.host.requestUpdate();
    }
  }

  /** Forgets the failure (the resident went Back). */
  clear(): void {
    this.failure = undefined;
    this.host.requestUpdate();
  }

  /**
   * The busy state, or the failure: Back (when `back` is given), the problem panel with Try again
   * and `help`; `undefined` when nothing is pending.
   */
  render(t: Translate, help: unknown, back?: () => void): TemplateResult | undefined {
    if (this.failure) return problemPage(t, this.failure, this.retry, help, back && (() => (this.clear(), back())));
    if (this.busy) return busy(this.busy);
    return undefined;
  }
}

/** A failure as a page of its own: Back when there is somewhere to go back to, then the problem panel. */
export function problemPage(t: Translate, failure: unknown, retry: (() => void) | undefined, help: unknown, back?: () => void): TemplateResult {
  return html`${back ? backLink(t('back'), back) : nothing}${problemPanel(t, failure, retry, help)}`;
}
