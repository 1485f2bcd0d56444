// Functions the drivers run inside the page (puppeteer `evaluate`, WebDriver `execute`). Each is
// serialised with Function.prototype.toString, so each must be self-contained: no imports, no
// helpers from this module, nothing from the enclosing scope. They look through open shadow
// roots (the elements render there, lookups nested inside forms), and see only what is rendered.

/** A text to match: exactly (whitespace collapsed, trimmed) or a regular expression's source. */
export interface TextMatch {
  exact?: string;
  pattern?: string;
  flags?: string;
}

/**
 * What to find, by what a resident sees:
 * - `clickable`: a button, link or summary whose text (or aria-label) matches
 * - `button` / `link` / `heading`: only those (headings include role="heading")
 * - `field`: the input, select or textarea a matching <label> names
 * - `choice`: the <label> of a radio or checkbox (what a resident clicks)
 * - `css`: any element matching `css` (and `name`, when given)
 */
export interface Query {
  role: 'clickable' | 'button' | 'link' | 'heading' | 'field' | 'choice' | 'css';
  name?: TextMatch;
  css?: string;
  /** Only inside the first element matching this selector (e.g. 'council-bin-day'). */
  within?: string;
  /** Which match, in document order (default 0; the drivers pick it). */
  index?: number;
}

/** What `describe` reports about an element. */
export interface Described {
  text: string;
  value: string;
  checked: boolean;
  disabled: boolean;
  tag: string;
}

/** Every rendered element matching `query`, in document order (shadow roots after their host). */
export function deepQueryAll(query: Query): Element[] {
  const norm = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
  const matches = (text: string, m: TextMatch | undefined): boolean =>
    !m ? true : m.exact !== undefined ? norm(text) === norm(m.exact) : new RegExp(m.pattern ?? '', m.flags ?? '').test(norm(text));
  const rendered = (el: Element): boolean => {
    if (el.getClientRects().length === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const all = (root: Document | ShadowRoot | Element): Element[] => {
    const out: Element[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) out.push(...all(el.shadowRoot));
    }
    return out;
  };
  const nameOf = (el: Element): string => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) return el.value;
    return el.textContent ?? '';
  };
  const scope = (): Element | Document | null => {
    if (!query.within) return document;
    return all(document).find((el) => el.matches(query.within!)) ?? null;
  };
  const root = scope();
  if (!root) return [];
  const elements = root instanceof Document ? all(root) : [root, ...all(root)];
  if (root instanceof Element && root.shadowRoot) elements.push(...all(root.shadowRoot));
  const found: Element[] = [];
  for (const el of elements) {
    let hit: Element | null = null;
    switch (query.role) {
      case 'clickable':
      case 'button':
      case 'link': {
        const selector =
          query.role === 'button'
            ? 'button, [role="button"], input[type="submit"], input[type="button"]'
            : query.role === 'link'
              ? 'a[href]'
              : 'button, [role="button"], input[type="submit"], input[type="button"], a[href], summary';
        if (el.matches(selector) && matches(nameOf(el), query.name)) hit = el;
        break;
      }
      case 'heading':
        if (el.matches('h1, h2, h3, h4, h5, h6, [role="heading"]') && matches(el.textContent ?? '', query.name)) hit = el;
        break;
      case 'field':
        if (el instanceof HTMLLabelElement && matches(el.textContent ?? '', query.name)) {
          const control = el.control;
          if (control && !(control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox'))) hit = control;
        }
        break;
      case 'choice':
        if (el instanceof HTMLLabelElement && matches(el.textContent ?? '', query.name)) {
          const control = el.control;
          if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')) hit = el;
        }
        break;
      case 'css':
        if (query.css && el.matches(query.css) && matches(el.textContent ?? '', query.name)) hit = el;
        break;
    }
    if (hit && rendered(hit) && !found.includes(hit)) found.push(hit);
  }
  return found;
}

/** Text, value and state of an element (a choice's <label> reports its radio's state). */
export function describeElement(el: Element): Described {
  const control = el instanceof HTMLLabelElement && el.control ? el.control : el;
  return {
    text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
    value: 'value' in control ? String((control as HTMLInputElement).value) : '',
    checked: control instanceof HTMLInputElement ? control.checked : false,
    disabled: (control as HTMLButtonElement).disabled === true || control.getAttribute('aria-disabled') === 'true',
    tag: control.localName,
  };
}

/**
 * The page's rendered text, shadow roots and slotted content included, whitespace collapsed:
 * what a resident could read. Elements that are display:none or visibility:hidden are left out.
 */
export function renderedText(): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push((node as Text).data);
      return;
    }
    if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      for (const child of Array.from(node.childNodes)) walk(child);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (['script', 'style', 'template', 'head', 'noscript'].includes(el.localName)) return;
    if (el instanceof HTMLSlotElement) {
      const assigned = el.assignedNodes({ flatten: true });
      for (const child of assigned.length ? assigned : Array.from(el.childNodes)) walk(child);
      return;
    }
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const block = style.display !== 'inline' && style.display !== 'contents';
    if (block) parts.push(' ');
    if (el.shadowRoot) walk(el.shadowRoot);
    else for (const child of Array.from(el.childNodes)) walk(child);
    if (block) parts.push(' ');
  };
  walk(document.body);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** The texts of every rendered step heading ([data-step-heading]), in document order. */
export function stepHeadings(): string[] {
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.hasAttribute('data-step-heading') && el.getClientRects().length > 0) out.push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return out;
}

/** The value of the <option> whose text matches, in the <select> given. */
export function optionValue(select: Element, text: { exact?: string; pattern?: string; flags?: string }): string | null {
  if (!(select instanceof HTMLSelectElement)) return null;
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  for (const option of Array.from(select.options)) {
    const label = norm(option.text);
    const hit = text.exact !== undefined ? label === norm(text.exact) : new RegExp(text.pattern ?? '', text.flags ?? '').test(label);
    if (hit) return option.value;
  }
  return null;
}

/** The <option> whose text matches, in the <select> given (WebDriver selects by clicking it). */
export function optionElement(select: Element, text: { exact?: string; pattern?: string; flags?: string }): Element | null {
  if (!(select instanceof HTMLSelectElement)) return null;
  const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
  for (const option of Array.from(select.options)) {
    const label = norm(option.text);
    if (text.exact !== undefined ? label === norm(text.exact) : new RegExp(text.pattern ?? '', text.flags ?? '').test(label)) return option;
  }
  return null;
}

/**
 * True once every Council Kit element in the page is defined and has rendered (upgraded, or
 * hydrated from its server-rendered HTML). Before that, a click can land on the page's
 * no-JavaScript form, which submits natively: a real journey, but not the element's.
 */
export function elementsReady(): boolean {
  return [...document.querySelectorAll('*')]
    .filter((el) => el.localName.startsWith('council-'))
    .every((el) => customElements.get(el.localName) !== undefined && (el as Element & { hasUpdated?: boolean }).hasUpdated === true);
}

/** Clears this origin's storage (the waste elements remember the property in sessionStorage). */
export function clearStorage(): boolean {
  sessionStorage.clear();
  localStorage.clear();
  return true;
}
