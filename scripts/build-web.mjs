// Bundles the browser parts (the GraphQL explorer and the console) from web/ into dist/web with
// esbuild: everything they need comes from the project's own packages, nothing from a CDN.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'dist', 'web');

await build({
  entryPoints: { explorer: path.join(root, 'web/explorer/main.tsx'), console: path.join(root, 'web/console/main.tsx') },
  outdir,
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.svg': 'file' },
  logLevel: 'warning',
});
console.log(`web bundles written to ${path.relative(root, outdir) || outdir}`);
