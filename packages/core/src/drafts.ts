/**
 * Answers a resident has typed into a multi-step form, kept in `sessionStorage` so a reload or
 * a failed submit loses nothing, and cleared after a confirmed submission. Session (not local)
 * storage: the draft dies with the tab, which matters on shared library computers.
 */
export class DraftStore<T extends object> {
  constructor(
    /** Namespaced storage key, e.g. `council-kit:repair-report:<page path>`. */
    readonly key: string,
  ) {}

  load(): Partial<T> | undefined {
    try {
      const raw = sessionStorage.getItem(this.key);
      const value: unknown = raw ? JSON.parse(raw) : undefined;
      return typeof value === 'object' && value !== null ? (value as Partial<T>) : undefined;
    } catch {
      // Storage disabled (private mode, strict cookie settings) or corrupted: start afresh.
      return undefined;
    }
  }

  save(value: Partial<T>): void {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(value));
    } catch {
      // Quota exceeded or storage disabled: the form still works, it just will not survive a reload.
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key);
    } catch {
      /* storage disabled: nothing to clear */
    }
  }
}

/** The namespaced key for one element's draft on the current page. */
export function draftKey(element: string, scope = ''): string {
  return `council-kit:${element}:${scope || location.pathname}`;
}
