import { afterEach, describe, expect, it, vi } from 'vitest';
import { CouncilElement } from './council-element.js';
import { coreVersion, registerCore } from './version.js';
import pkg from '../package.json';

const registryKey = Symbol.for('council-kit.core');
const registry = () => (globalThis as unknown as Record<symbol, { versions: string[]; warned: boolean }>)[registryKey];

describe('two versions of core on one page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('knows its own version from package.json and records it when the base class loads', () => {
    expect(CouncilElement).toBeDefined();
    expect(coreVersion).toBe(pkg.version);
    expect(registry()?.versions).toEqual([coreVersion]);
  });

  it('warns once, naming both versions, when a second copy registers', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saved = structuredClone(registry());
    try {
      registerCore(coreVersion); // the same version again (an npm bundle beside the same CDN release): harmless
      expect(warn).not.toHaveBeenCalled();

      registerCore('99.0.0'); // a second copy of core, as its own module would on loading
      registerCore('99.0.0');
      registerCore('100.0.0');
      expect(warn).toHaveBeenCalledTimes(1);
      const [message] = warn.mock.calls[0] as [string];
      expect(message).toContain(`two versions of @council-kit/core on this page (${coreVersion} and 99.0.0)`);
      expect(registry()?.versions).toEqual([coreVersion, '99.0.0', '100.0.0']);
    } finally {
      Object.assign(registry()!, saved);
    }
  });

  it('shares the record between copies that know nothing of each other', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const saved = structuredClone(registry());
    try {
      // A second instance of the module, as a second copy of core on the page would be.
      const path = './version.js?second-copy';
      const copy = (await import(/* @vite-ignore */ path)) as { registerCore: typeof registerCore };
      expect(copy.registerCore).not.toBe(registerCore);
      copy.registerCore('0.0.1-other');
      expect(warn).toHaveBeenCalledOnce();
      expect(warn.mock.calls[0]?.[0]).toContain(`(${coreVersion} and 0.0.1-other)`);
    } finally {
      Object.assign(registry()!, saved);
    }
  });

  it('keeps a page of its own for tests', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = {};
    registerCore('0.1.0', page);
    registerCore('0.2.0', page);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/\(0\.1\.0 and 0\.2\.0\)/);
    expect((page as Record<symbol, unknown>)[registryKey]).toEqual({ versions: ['0.1.0', '0.2.0'], warned: true });
  });
});
