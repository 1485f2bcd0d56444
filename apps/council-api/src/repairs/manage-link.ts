/**
 * The manage link the repair-reported confirmation carries (`manage_link`) when the council sets
 * `REPAIRS_MANAGE_URL`: its page with `<council-repair-appointment>`, the reference and the
 * manage token in the fragment, as the element reads it (`#reference=RP7K2M9Q&token=…`, see
 * housing-repairs' shared/manage-link.ts). A fragment never reaches a server when the resident
 * opens the link, so no web server or proxy logs the token.
 *
 * The price: the token is in the message, so it is in the Notify outbox row (and in GOV.UK
 * Notify's own copy) until the message is sent and purged. That row is the message itself; a
 * database reader who sees it can also see the resident's email address, and the token only
 * manages this one repair and dies when it closes. Without `REPAIRS_MANAGE_URL`, nothing holds it.
 */
export function manageLinkTo(page: string, reference: string, token: string): string {
  return `${page.split('#')[0]}#${new URLSearchParams({ reference, token }).toString()}`;
}
