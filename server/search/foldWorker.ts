/**
 * Worker thread: analyzes articles and builds one segment, off the main thread, so a fold of
 * 50,000 articles never stalls requests. Articles arrive in chunks (each analyzed on arrival);
 * the finished segment goes back with its typed arrays transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from './analyze';
import type { SearchDoc } from './document';
import { buildSegment, SEGMENT_ARRAYS, type AnalyzedDoc } from './segment';

export interface FoldItem {
  doc: SearchDoc;
  flags: number;
  department: number;
}

export type FoldMessage = { type: 'docs'; items: FoldItem[] } | { type: 'build' };

const analyzed: AnalyzedDoc[] = [];

parentPort?.on('message', (message: FoldMessage) => {
  if (message.type === 'docs') {
    for (const { doc, flags, department } of message.items) {
      analyzed.push({ id: doc.id, fields: analyze(doc), flags, department });
    }
    return;
  }
  const s = buildSegment(analyzed);
  parentPort!.postMessage(
    s,
    SEGMENT_ARRAYS.map((name) => s[name].buffer as ArrayBuffer),
  );
});
