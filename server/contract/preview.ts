import { z } from 'zod';

export const previewSchema = z
  .object({ markdown: z.string().max(50_000, 'At most 50,000 characters.') })
  .strict();

/** sanitized HTML, by the renderer articles are saved with */
export const previewResponse = z.strictObject({ html: z.string() });
