// Builds the browser client into dist/client/. Run from anywhere:
//   node client/build.mjs            one production build
//   node client/build.mjs --watch    rebuild on change (dev)
//
// Every asset name carries a content hash (app-3F2K….js), so the server can let browsers keep
// them for a year ("immutable"); index.html, which names them, is never cached.
import * as esbuild from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// Resolve from this file, not the cwd, so the script works from any directory.
const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = path.join(root, 'client');
const outDir = path.join(root, 'dist', 'client');
const assetsDir = path.join(outDir, 'assets');
const isWatch = process.argv.includes('--watch');

/**
 * Writes index.html naming this build's hashed app script and stylesheet. The HTML stays free of
 * inline code (CSP script-src 'self').
 */
const indexHtml = {
  name: 'index-html',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0 || !result.metafile) return;
      const entry = Object.entries(result.metafile.outputs).find(
        ([, o]) => o.entryPoint === 'client/src/main.tsx',
      );
      if (!entry) throw new Error('client build: the app entry produced no output');
      const [js, { cssBundle }] = entry;
      const url = (file) =>
        `/${path.relative(outDir, path.join(root, file)).split(path.sep).join('/')}`;
      const template = await readFile(path.join(clientDir, 'index.html'), 'utf8');
      const html = template
        .replace('/assets/app.js', url(js))
        .replace('/assets/app.css', url(cssBundle));
      await writeFile(path.join(outDir, 'index.html'), html);
      if (!isWatch) await reportSize(path.join(root, js), path.join(root, cssBundle));
    });
  },
};

/** The dashboard's stylesheet travels as text inside the dashboard chunk (see useStylesheet). */
const dashboardCss = {
  name: 'dashboard-css',
  setup(build) {
    build.onLoad({ filter: /dashboard[\\/]dashboard\.css$/ }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

async function reportSize(jsFile, cssFile) {
  const js = await readFile(jsFile);
  const css = await readFile(cssFile);
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
  // the dashboard (its charting library and its stylesheet) is a chunk loaded on demand: agents
  // and the sign-in page never pay for it
  outdir: assetsDir,
  entryNames: 'app-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: '[name]-[hash]',
  splitting: true,
  bundle: true,
  minify: true,
  // maps only while developing (--watch): a production build ships none
  sourcemap: isWatch,
  metafile: true,
  target: 'es2020',
  format: 'esm',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  // styles.css, imported by main.tsx, becomes the one stylesheet index.html links
  plugins: [dashboardCss, indexHtml],
  logLevel: 'info',
};

await rm(outDir, { recursive: true, force: true });
await mkdir(assetsDir, { recursive: true });
if (isWatch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log('watching client/ for changes…');
} else {
  try {
    await esbuild.build(options);
  } catch (err) {
    // esbuild has already printed its diagnostics; anything else (e.g. a missing file) is shown here.
    if (!(err && Array.isArray(err.errors))) console.error(err);
    process.exitCode = 1;
  }
}
