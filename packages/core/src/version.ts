import { version } from '../package.json';

/** The version of this copy of `@council-kit/core` (its package.json's, read at build). */
export const coreVersion: string = version;

/**
 * Where every copy of core on a page records its version: one slot on `globalThis`, shared by
 * copies that know nothing of each other (an npm bundle and the CDN build, or two packages
 * released at different times, each with its own core). Its shape must never change: an older
 * core reads what a newer one wrote.
 */
const registryKey = Symbol.for('council-kit.core');

interface CoreRegistry {
  /** Each version of core that has loaded on this page, in the order they loaded. */
  versions: string[];
  /** Whether the page has been warned about a second version. */
  warned: boolean;
}

/**
 * Records that a copy of core at `version` has loaded, and warns once, in the console, when a
 * second, different version arrives. The elements' guarded `customElements.define` keeps the
 * first definition of each tag, so without this warning elements built against one core would
 * run beside another silently. Called once by core itself (council-element.ts), when the base
 * class every element extends is defined; `scope` is for tests.
 */
export function registerCore(version: string = coreVersion, scope: object = globalThis): void {
  const slots = scope as Record<symbol, CoreRegistry | undefined>;
  const registry = (slots[registryKey] ??= { versions: [], warned: false });
  if (!registry.versions.includes(version)) registry.versions.push(version);
  if (registry.versions.length > 1 && !registry.warned) {
    registry.warned = true;
    const [first, second] = registry.versions;
    // Short: every element's page downloads it. `npm ls @council-kit/core` finds the copies.
    console.warn(`Council Kit: two versions of @council-kit/core on this page (${first} and ${second}); load one.`);
  }
}
