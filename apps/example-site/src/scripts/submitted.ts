/**
 * Shows what the find-your-address form sent. A static host cannot receive a POST, so the
 * demonstration form uses `method="get"` and this page reads the query string. Values are
 * only ever written as text.
 */
const params = new URLSearchParams(window.location.search);
const uprn = params.get('address')?.trim() ?? '';
const typed = ['address-line1', 'address-line2', 'address-town', 'address-postcode']
  .map((name) => params.get(name)?.trim() ?? '')
  .filter(Boolean);

function show(selector: string, visible = true): HTMLElement | null {
  const element = document.querySelector<HTMLElement>(selector);
  if (element) element.hidden = !visible;
  return element;
}

function fill(name: 'uprn' | 'address', value: string): void {
  show(`[data-row="${name}"]`);
  const target = document.querySelector<HTMLElement>(`[data-value="${name}"]`);
  if (target) target.textContent = value;
}

show('[data-submitted-nojs]', false);
if (uprn) fill('uprn', uprn);
if (typed.length) fill('address', typed.join('\n'));
if (uprn || typed.length) show('[data-submitted]');
else show('[data-submitted-empty]');
