// The DOM shim first: it must be on globalThis before any element module is evaluated.
import './dom-shim.js';

export * from './render-element.js';
export * from './stylesheets.js';
export * from './element-renderer.js';
export * from './escape.js';
export type { Locale } from './render-context.js';
