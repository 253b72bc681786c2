import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../middleware/auth';
import { parse } from '../middleware/validate';
import { renderMarkdown } from '../markdown/render';

const previewBody = z
  .object({ markdown: z.string().max(50_000, 'At most 50,000 characters.') })
  .strict();

/**
 * The editor's live preview: the very renderer and sanitizer articles are saved with, so what
 * engineers see is exactly what agents will read.
 */
export function previewRouter(): Router {
  const router = Router();
  router.post('/', requireRole('engineer', 'admin'), (req, res) => {
    const { markdown } = parse(previewBody, req.body);
    res.json({ data: { html: renderMarkdown(markdown) } });
  });
  return router;
}
