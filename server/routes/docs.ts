import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { API } from '../contract/api';
import { openApiDocument } from '../contract/openapi';
import { ROOT } from '../paths';

// swagger-ui-dist's own files, installed from npm: no CDN, and nothing inline for the CSP
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SWAGGER_UI: string = require('swagger-ui-dist').getAbsoluteFSPath();
const SWAGGER_FILES = new Set(['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png']);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Firstcall API reference</title>
    <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css" />
    <link rel="icon" href="/api/docs/assets/favicon-32x32.png" />
  </head>
  <body>
    <div id="docs"></div>
    <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });
});
`;

/** GET /api/openapi.json (the contract, generated from the zod schemas) and its reference page. */
export function docsRouter(): Router {
  const router = Router();
  const version = (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  let document: string | null = null;

  router.get('/openapi.json', (_req, res) => {
    document ??= JSON.stringify(openApiDocument(API, version));
    res.type('json').send(document);
  });
  router.get('/docs', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.type('js').send(INIT);
  });
  router.use(
    '/docs/assets',
    (req, res, next) => (SWAGGER_FILES.has(req.path.slice(1)) ? next() : res.status(404).end()),
    express.static(SWAGGER_UI, { index: false, maxAge: '1d' }),
  );
  return router;
}
