/** Stylesheets are bundled by esbuild into dist/renderer/renderer.css. */
declare module '*.css';
