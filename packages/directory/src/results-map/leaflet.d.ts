// Leaflet's ES module build has the same API as the `leaflet` entry @types/leaflet describes.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}

// `?inline` imports a stylesheet as a string (Vite natively; tsup through scripts/css-text.mjs),
// so Leaflet's CSS can be adopted into the element's shadow root.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
