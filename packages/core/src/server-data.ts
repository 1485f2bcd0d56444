/**
 * Data a server rendered an element with, handed to the element in the browser so it hydrates
 * without fetching it again (see `@council-kit/ssr`). The server writes it as the element's
 * light-DOM child:
 *
 * ```html
 * <council-bin-day uprn="100000000001">
 *   <template shadowrootmode="open">…</template>
 *   <script type="application/json" data-council-data>{"uprn":"100000000001",…}</script>
 * </council-bin-day>
 * ```
 *
 * A `type="application/json"` script is a data block: browsers never run it, so a strict
 * `script-src 'self'` Content Security Policy allows it (no hash or nonce needed).
 */
export const serverDataSelector = ':scope > script[type="application/json"][data-council-data]';

/**
 * The JSON of the element's server data block, or `undefined` when there is none or it does not
 * parse. The element still validates it against its contract before use: the page is as
 * trustworthy as its server, not more.
 */
export function readServerData(host: Element): unknown {
  const block = host.querySelector(serverDataSelector);
  if (!block?.textContent) return undefined;
  try {
    return JSON.parse(block.textContent) as unknown;
  } catch {
    return undefined;
  }
}
