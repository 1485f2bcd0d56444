// In-page probes for story-adaptations.spec.ts. `installProbes` runs in the browser (through
// page.addInitScript, so it must not use anything from this module's scope) and puts
// `window.councilProbes` on every page: small functions that walk the composed tree under the
// story root, through open shadow roots, and report what they find as readable strings.

export interface Probes {
  /** Horizontal scroll, content reaching outside the viewport, clipped content, text overlapping text or a control. */
  layoutProblems(): string[];
  /** Animations and transitions longer than 10 ms, running or declared, smooth scrolling asked for. */
  motionProblems(): string[];
  /** Controls without a visible edge (border on every side, a link's underline, or an outline). */
  controlProblems(): string[];
  /**
   * Focuses every control in the story in turn (after a Tab key press, so each matches
   * :focus-visible as it would for a keyboard user) and reports those without an outline.
   */
  focusProblems(): { checked: number; problems: string[] };
  /** WCAG 1.4.12 text spacing in the document and every shadow root (true) or not (false). */
  textSpacing(on: boolean): void;
  /** Text-only zoom: every element's computed font size times `factor` (1 puts them back). */
  textZoom(factor: number): void;
}

declare global {
  interface Window {
    councilProbes: Probes;
    councilSmoothScrolls: string[];
  }
}

export function installProbes(): void {
  // Smooth scrolling asked for by script (scrollIntoView, scrollTo, scrollBy, scroll).
  window.councilSmoothScrolls = [];
  const record = (what: string, options: unknown) => {
    if (options && typeof options === 'object' && (options as ScrollToOptions).behavior === 'smooth') window.councilSmoothScrolls.push(what);
  };
  const scrollIntoView = Element.prototype.scrollIntoView;
  Element.prototype.scrollIntoView = function (this: Element, options?: boolean | ScrollIntoViewOptions) {
    record(`scrollIntoView on <${this.localName}>`, options);
    return scrollIntoView.call(this, options);
  };
  for (const method of ['scrollTo', 'scrollBy', 'scroll'] as const) {
    for (const proto of [Element.prototype, Window.prototype] as unknown as Record<string, unknown>[]) {
      const original = proto[method] as (...args: unknown[]) => void;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        record(method, args[0]);
        return original.apply(this, args);
      };
    }
  }

  const storyRoot = () => document.querySelector('#storybook-root') ?? document.body;

  /** Every element under `root` in the composed tree: light children and open shadow roots. */
  function composed(root: Element): Element[] {
    const out: Element[] = [];
    const visit = (el: Element) => {
      out.push(el);
      if (el.shadowRoot) for (const child of el.shadowRoot.children) visit(child);
      for (const child of el.children) visit(child);
    };
    visit(root);
    return out;
  }

  /** Every open shadow root under the story root. */
  function shadowRoots(): ShadowRoot[] {
    return composed(storyRoot()).flatMap((el) => (el.shadowRoot ? [el.shadowRoot] : []));
  }

  function describe(el: Element): string {
    const parts: string[] = [];
    let host: Element | null = el;
    while (host) {
      const root = host.getRootNode();
      host = root instanceof ShadowRoot ? root.host : null;
      if (host) parts.unshift(host.localName);
    }
    const classes = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const id = el.id ? `#${el.id}` : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return [...parts, `${el.localName}${id}${classes}${text ? ` "${text}"` : ''}`].join(' › ');
  }

  /** Pictures: their own box counts, their insides do not (a map is one labelled image). */
  function picture(el: Element): boolean {
    return ['img', 'svg', 'canvas', 'video', 'iframe', 'picture'].includes(el.localName) || el.getAttribute('role') === 'img';
  }

  /** The visually-hidden pattern: a 1px box clipped on purpose, for screen readers only. */
  function visuallyHidden(style: CSSStyleDeclaration, rect: DOMRect): boolean {
    return (rect.width <= 1 && rect.height <= 1) || (style.clipPath !== 'none' && style.overflow === 'hidden') || style.clip.startsWith('rect');
  }

  /** The elements that are laid out and visible, with their styles and boxes. */
  function visibleElements(): { el: Element; style: CSSStyleDeclaration; rect: DOMRect }[] {
    const out: { el: Element; style: CSSStyleDeclaration; rect: DOMRect }[] = [];
    const visit = (el: Element) => {
      const style = getComputedStyle(el);
      if (style.display === 'none') return;
      const rect = el.getBoundingClientRect();
      if (style.display !== 'contents') {
        // Not rendered: inside a closed <details> (content-visibility: hidden keeps its boxes).
        if (!el.checkVisibility()) return;
        if (visuallyHidden(style, rect)) return;
        if (style.visibility !== 'hidden') out.push({ el, style, rect });
        if (picture(el)) return;
      }
      if (el.shadowRoot) for (const child of el.shadowRoot.children) visit(child);
      for (const child of el.children) visit(child);
    };
    visit(storyRoot());
    return out;
  }

  const controlSelector = 'button, [role="button"], input:not([type="radio"], [type="checkbox"], [type="hidden"], [type="file"]), select, textarea, summary';

  function layoutProblems(): string[] {
    const problems: string[] = [];
    const viewport = document.documentElement.clientWidth;
    const page = document.documentElement.scrollWidth;
    if (page > viewport) problems.push(`the page scrolls horizontally: ${page}px of content in a ${viewport}px viewport`);
    const texts: { rect: DOMRect; el: Element }[] = [];
    const controls: { rect: DOMRect; el: Element }[] = [];
    for (const { el, style, rect } of visibleElements()) {
      if (rect.width > 0 && (rect.right > viewport + 1 || rect.left < -1)) {
        problems.push(`${describe(el)} reaches outside the ${viewport}px viewport (${Math.round(rect.left)}px to ${Math.round(rect.right)}px)`);
      }
      // A text box scrolls its own value, as every browser's does: not a loss of content. A
      // picture's insides are the picture (a map's tiles run past its edges).
      if (!el.matches('input, select, textarea') && !picture(el)) {
        const clips = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
        const scrolls = (overflow: string) => overflow === 'auto' || overflow === 'scroll';
        const wider = el.scrollWidth > el.clientWidth + 1;
        const taller = el.scrollHeight > el.clientHeight + 1;
        if (wider && clips(style.overflowX)) problems.push(`${describe(el)} cuts off its content: ${el.scrollWidth}px wide in a ${el.clientWidth}px box`);
        if (taller && clips(style.overflowY)) problems.push(`${describe(el)} cuts off its content: ${el.scrollHeight}px tall in a ${el.clientHeight}px box`);
        if (wider && scrolls(style.overflowX)) problems.push(`${describe(el)} scrolls sideways: ${el.scrollWidth}px wide in a ${el.clientWidth}px box`);
      }
      if (el.matches(controlSelector)) controls.push({ rect, el });
      for (const node of el.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const line of range.getClientRects()) if (line.width > 1 && line.height > 1) texts.push({ rect: line, el });
      }
    }
    // Text over text, or over a control it does not belong to: content lost under the overlap.
    // Lines of one element may touch (tight line heights); a real overlap covers a third of a line.
    const overlap = (a: DOMRect, b: DOMRect) => {
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      return x > 2 && y > Math.min(a.height, b.height) / 3;
    };
    const reported = new Set<string>();
    const report = (message: string) => {
      if (!reported.has(message)) problems.push(message);
      reported.add(message);
    };
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i]!;
        const b = texts[j]!;
        if (a.el !== b.el && overlap(a.rect, b.rect)) report(`text overlaps text: ${describe(a.el)} and ${describe(b.el)}`);
      }
      for (const control of controls) {
        const a = texts[i]!;
        if (!control.el.contains(a.el) && !(control.el.shadowRoot?.contains(a.el) ?? false) && overlap(a.rect, control.rect)) {
          report(`text overlaps a control: ${describe(a.el)} over ${describe(control.el)}`);
        }
      }
    }
    return problems;
  }

  /** Seconds in a computed time list ("0.9s, 100ms"): the longest. */
  function longest(list: string): number {
    return Math.max(0, ...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t) || 0)));
  }

  function motionProblems(): string[] {
    const problems: string[] = [];
    for (const el of composed(storyRoot())) {
      for (const pseudo of [null, '::before', '::after'] as const) {
        const style = getComputedStyle(el, pseudo);
        if (pseudo && style.content === 'none') continue;
        const where = `${describe(el)}${pseudo ?? ''}`;
        if (style.animationName !== 'none' && longest(style.animationDuration) > 0.01) {
          problems.push(`${where} has a ${style.animationDuration} animation (${style.animationName})`);
        }
        if (style.transitionProperty !== 'none' && longest(style.transitionDuration) > 0.01) {
          problems.push(`${where} has a ${style.transitionDuration} transition (${style.transitionProperty})`);
        }
        if (!pseudo && style.scrollBehavior === 'smooth') problems.push(`${where} scrolls smoothly (scroll-behavior: smooth)`);
      }
    }
    if (getComputedStyle(document.documentElement).scrollBehavior === 'smooth') problems.push('the page scrolls smoothly (scroll-behavior: smooth)');
    // Anything running now, wherever it was started from (Web Animations included).
    for (const root of [document, ...shadowRoots()]) {
      for (const animation of root.getAnimations()) {
        const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
        const target = (animation.effect as KeyframeEffect | null)?.target;
        if (animation.playState === 'running' && duration > 10 && target && storyRoot().contains(target.getRootNode() instanceof ShadowRoot ? (target.getRootNode() as ShadowRoot).host : target)) {
          problems.push(`${describe(target)} is animating (${Math.round(duration)} ms)`);
        }
      }
    }
    // Leaflet fades its tiles and glides between zoom levels in script, out of CSS's reach:
    // the fade class and the zoom animation's proxy element say whether it will.
    for (const map of composed(storyRoot()).filter((el) => el.classList.contains('leaflet-container'))) {
      if (map.classList.contains('leaflet-fade-anim') || map.querySelector('.leaflet-proxy')) {
        problems.push(`${describe(map)} is a Leaflet map that fades tiles or animates zooming`);
      }
    }
    for (const call of window.councilSmoothScrolls) problems.push(`smooth scrolling asked for: ${call}`);
    return [...new Set(problems)];
  }

  function controlProblems(): string[] {
    const problems: string[] = [];
    for (const { el, style, rect } of visibleElements()) {
      if (!el.matches(controlSelector) || rect.width === 0) continue;
      const edges = (['Top', 'Right', 'Bottom', 'Left'] as const).every(
        (side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1 && !['none', 'hidden'].includes(style.getPropertyValue(`border-${side.toLowerCase()}-style`)),
      );
      // A button that looks like a link is recognised by its underline, as links are; a focused
      // one may drop it for its focus outline, which is an edge too.
      const underlined = style.textDecorationLine.includes('underline');
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
      const summary = el.localName === 'summary'; // a disclosure's summary: its marker and text
      if (!edges && !underlined && !outlined && !summary) problems.push(`${describe(el)} has no visible edge (border ${style.borderStyle} ${style.borderWidth})`);
    }
    return problems;
  }

  const focusable =
    'a[href], button:not([disabled]), input:not([disabled], [type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

  /** The element that has focus, looking through shadow roots. */
  function deepActive(): Element | null {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el;
  }

  function focusProblems(): { checked: number; problems: string[] } {
    const problems: string[] = [];
    const controls = visibleElements()
      .filter(({ el, rect }) => el.matches(focusable) && rect.width > 0 && el instanceof HTMLElement)
      .map(({ el }) => el as HTMLElement);
    let checked = 0;
    for (const el of controls) {
      if (!el.isConnected) continue; // focusing an earlier control changed the page
      el.focus();
      if (deepActive() !== el) continue; // not focusable after all (an inert or hidden part)
      checked++;
      const style = getComputedStyle(el);
      const width = parseFloat(style.outlineWidth) || 0;
      if (style.outlineStyle === 'none' || width < 1) {
        problems.push(`${describe(el)} shows no outline when focused (outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor})`);
      } else if (style.outlineColor === 'rgba(0, 0, 0, 0)' || style.outlineColor === 'transparent') {
        problems.push(`${describe(el)} has a transparent outline when focused`);
      }
    }
    return { checked, problems };
  }

  // WCAG 1.4.12's four properties, as the usual text-spacing bookmarklet sets them.
  const spacing = new CSSStyleSheet();
  spacing.replaceSync(
    '*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }',
  );

  function textSpacing(on: boolean): void {
    for (const root of [document, ...shadowRoots()]) {
      const sheets = root.adoptedStyleSheets.filter((sheet) => sheet !== spacing);
      root.adoptedStyleSheets = on ? [...sheets, spacing] : sheets;
    }
  }

  const zoomed = new Map<HTMLElement, { value: string; priority: string }>();

  function textZoom(factor: number): void {
    for (const [el, before] of zoomed) el.style.setProperty('font-size', before.value, before.priority);
    zoomed.clear();
    if (factor === 1) return;
    // Read every size first, then set them all: each element gets its own size doubled.
    const sizes = composed(storyRoot())
      .filter((el): el is HTMLElement => el instanceof HTMLElement)
      .map((el) => [el, parseFloat(getComputedStyle(el).fontSize)] as const);
    for (const [el, size] of sizes) {
      zoomed.set(el, { value: el.style.getPropertyValue('font-size'), priority: el.style.getPropertyPriority('font-size') });
      el.style.setProperty('font-size', `${size * factor}px`, 'important');
    }
  }

  window.councilProbes = { layoutProblems, motionProblems, controlProblems, focusProblems, textSpacing, textZoom };
}
