/**
 * The manage link: the council's appointment page with the repair's reference and manage token
 * in the URL fragment (`#reference=RPX4T8WN&token=…`). A fragment never leaves the browser (no
 * request line, no server or proxy log, no Referer), so the token is never logged; a query
 * string would be.
 */

/** `page` with the fragment for this repair (any fragment `page` had is replaced). */
export function manageLink(page: string, reference: string, token: string): string {
  return `${page.split('#')[0]}#${new URLSearchParams({ reference, token }).toString()}`;
}

/** The reference and token in a manage link's fragment (`location.hash`), when it has them. */
export function readManageLink(hash: string): { reference?: string; token?: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const reference = params.get('reference') ?? undefined;
  const token = params.get('token') ?? undefined;
  return { ...(reference ? { reference } : {}), ...(token ? { token } : {}) };
}

/** The header that carries a manage token: never the URL. */
export const authorization = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
