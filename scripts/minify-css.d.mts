import type { Plugin } from 'esbuild';
export declare function minifyCss(text: string): string;
export declare const minifyCssPlugin: Plugin;
