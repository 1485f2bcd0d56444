import type { Plugin } from 'esbuild';
export const cssTextPlugin: Plugin;
