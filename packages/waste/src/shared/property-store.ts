/**
 * The property a resident chose, remembered for the browser session so the bin-day page, the
 * missed-bin report and the container request do not ask for the address again. Session
 * storage only (never a URL, never local storage): it dies with the tab.
 */
export interface RememberedProperty {
  uprn: string;
  address: string;
}

const KEY = 'council-kit:waste:property';

export function rememberedProperty(): RememberedProperty | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as RememberedProperty | null;
    return value && typeof value.uprn === 'string' && typeof value.address === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function rememberProperty(property: RememberedProperty): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(property));
  } catch {
    /* storage disabled: the resident will be asked again, nothing breaks */
  }
}

export function forgetProperty(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* storage disabled */
  }
}
