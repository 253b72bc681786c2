// Builds the browser client into dist/client/. Run from anywhere:
//   node client/build.mjs            one production build
//   node client/build.mjs --watch    rebuild on change (dev)
import * as esbuild from 'esbuild';
import { watch as watchFile } from 'node:fs';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Resolve from this file, not the cwd, so the script works from any directory.
const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = path.join(root, 'client');
const outDir = path.join(root, 'dist', 'client');
const assetsDir = path.join(outDir, 'assets');
const isWatch = process.argv.includes('--watch');

// index.html and the stylesheet are plain copies: the HTML must stay free of inline code
// (CSP script-src 'self'), and the CSS is small enough that bundling it buys nothing.
const statics = [
  [path.join(clientDir, 'index.html'), path.join(outDir, 'index.html')],
  [path.join(clientDir, 'src', 'styles.css'), path.join(assetsDir, 'app.css')],
  [
    path.join(clientDir, 'src', 'dashboard', 'dashboard.css'),
    path.join(assetsDir, 'dashboard.css'),
  ],
];

async function copyStatics() {
  await mkdir(assetsDir, { recursive: true });
  await Promise.all(statics.map(([from, to]) => copyFile(from, to)));
}

async function reportSize() {
  const js = await readFile(path.join(assetsDir, 'app.js'));
  const css = await readFile(path.join(assetsDir, 'app.css'));
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  console.log(
    `app.js ${kb(js.length)} (${kb(gzipSync(js).length)} gzip), ` +
      `app.css ${kb(css.length)} (${kb(gzipSync(css).length)} gzip)`,
  );
}

/** @type {import('esbuild').BuildOptions} */
const options = {
  absWorkingDir: root,
  entryPoints: [path.join(clientDir, 'src', 'main.tsx')],
  // the dashboard (and its charting library) is a chunk loaded on demand: agents never pay for it
  outdir: assetsDir,
  entryNames: 'app',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2020',
  format: 'esm',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'info',
};

if (isWatch) {
  const ctx = await esbuild.context(options);
  await copyStatics();
  await ctx.watch();
  // esbuild only watches the JS graph; re-copy the static files ourselves.
  for (const [from] of statics) {
    watchFile(from, () => copyStatics().catch((err) => console.error(err)));
  }
  console.log('watching client/ for changes…');
} else {
  try {
    await esbuild.build(options);
    await copyStatics();
    await reportSize();
  } catch (err) {
    // esbuild has already printed its diagnostics; anything else (e.g. a missing file) is shown here.
    if (!(err && Array.isArray(err.errors))) console.error(err);
    process.exitCode = 1;
  }
}
