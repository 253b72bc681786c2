import { Router } from 'express';
import { previewSchema } from '../contract/preview';
import { requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { renderMarkdown } from '../markdown/render';

/**
 * The editor's live preview: the very renderer and sanitizer articles are saved with, so what
 * engineers see is exactly what agents will read.
 */
export function previewRouter(): Router {
  const router = Router();
  router.post('/', requireRole('engineer', 'admin'), (req, res) => {
    const { markdown } = parse(previewSchema, req.body);
    res.json({ data: { html: renderMarkdown(markdown) } });
  });
  return router;
}
