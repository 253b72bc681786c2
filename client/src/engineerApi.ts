// The engineers' and admins' endpoints: preview, review, versions, verification, the
// department queue, settings, audit and impact. Same transport and error shape as api.ts.
import { articlePath, request, requestEnvelope } from './api';
import type {
  Article,
  ArticleDiff,
  ArticleVersion,
  AuditEntry,
  AuditFilter,
  Confidence,
  ImpactData,
  Page,
  Settings,
} from './types';

export const engineerApi = {
  /** Markdown → sanitized HTML, by the renderer and sanitizer the server saves with. */
  preview: (markdown: string, signal?: AbortSignal) =>
    request<{ html: string }>('/api/preview', {
      method: 'POST',
      body: { markdown },
      signal,
      quiet401: true, // never tear the editor down (and the text with it) over a preview
    }).then((d) => d.html),

  versions: (slug: string, signal?: AbortSignal) =>
    request<ArticleVersion[]>(`${articlePath(slug)}/versions`, { signal }),

  diff(slug: string, from: number, to: number, signal?: AbortSignal): Promise<ArticleDiff> {
    const params = new URLSearchParams({ from: String(from), to: String(to) });
    return request<ArticleDiff>(`${articlePath(slug)}/diff?${params}`, { signal });
  },

  /** A KCS step (submit, validate, back to draft, archive, restore): a new version. */
  changeConfidence: (slug: string, body: { to: Confidence; version: number; note?: string }) =>
    request<Article>(`${articlePath(slug)}/confidence`, { method: 'POST', body }),

  verify: (slug: string, body: { version: number; note?: string }) =>
    request<Article>(`${articlePath(slug)}/verify`, { method: 'POST', body }),

  /** The text of version `from`, saved as a new version on top of `version`. */
  restore: (slug: string, body: { from: number; version: number }) =>
    request<Article>(`${articlePath(slug)}/restore`, { method: 'POST', body }),

  resolveQueueItem: (kind: 'flags' | 'requests', id: number, note: string) =>
    request<void>(`/api/queue/${kind}/${id}/resolve`, { method: 'POST', body: { note } }),

  settings: (signal?: AbortSignal) => request<Settings>('/api/settings', { signal }),

  updateSettings: (changes: Partial<Settings>) =>
    request<Settings>('/api/settings', { method: 'PATCH', body: changes }),

  async audit(filter: AuditFilter, signal?: AbortSignal): Promise<Page<AuditEntry>> {
    const params = new URLSearchParams({
      limit: String(filter.limit),
      offset: String(filter.offset),
    });
    if (filter.entity) params.set('entity', filter.entity);
    if (filter.entityId !== undefined) params.set('entityId', String(filter.entityId));
    if (filter.action) params.set('action', filter.action);
    const body = await requestEnvelope<AuditEntry[]>(`/api/audit?${params}`, { signal });
    return { rows: body.data, total: body.meta?.total ?? body.data.length };
  },

  impact(department: string, range: { from?: string; to?: string }, signal?: AbortSignal) {
    const params = new URLSearchParams();
    if (range.from) params.set('from', range.from);
    if (range.to) params.set('to', range.to);
    const qs = params.toString() ? `?${params}` : '';
    return request<ImpactData>(`/api/departments/${encodeURIComponent(department)}/impact${qs}`, {
      signal,
    });
  },
};
