/**
 * The parts `<council-address-lookup>` exposes: the one list its `@csspart` lines document
 * (a test keeps them equal) and hosts forward.
 */
export const addressLookupParts = ['input', 'select', 'button', 'error-summary', 'problem', 'busy'] as const;

/**
 * `exportparts` for an element that embeds the lookup, so a page styles the nested lookup
 * through its host: `council-bin-day::part(address-lookup-input)`. Each part is exported as
 * `address-lookup-<part>`.
 */
export const addressLookupExportParts = addressLookupParts.map((part) => `${part}: address-lookup-${part}`).join(', ');
