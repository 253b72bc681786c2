import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FoldItem, FoldMessage } from './foldWorker';
import { segmentOf, type Segment } from './segment';

/** Articles per message: each copy into the worker stays a few milliseconds. */
const CHUNK = 500;

/**
 * Builds one segment from `docs` in a worker thread. From TypeScript sources (tests, tsx)
 * the worker loads through tsx; compiled, it is plain JavaScript.
 */
export function buildInWorker<T>(
  docs: readonly T[],
  toItem: (doc: T) => FoldItem,
): Promise<Segment> {
  const ext = path.extname(__filename);
  const worker = new Worker(path.join(__dirname, `foldWorker${ext}`), {
    execArgv: ext === '.ts' ? ['--require', require.resolve('tsx/cjs')] : [],
  });
  worker.unref(); // never keeps the process alive on its own
  return new Promise<Segment>((resolve, reject) => {
    worker.once('message', (received: Segment) => {
      resolve(segmentOf(received));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`index worker exited with code ${code}`)));
    void (async () => {
      for (let i = 0; i < docs.length; i += CHUNK) {
        const items = docs.slice(i, i + CHUNK).map(toItem); // chunk by chunk: no 50k-object burst
        worker.postMessage({ type: 'docs', items } satisfies FoldMessage);
        await new Promise((r) => setImmediate(r)); // let requests run between chunks
      }
      worker.postMessage({ type: 'build' } satisfies FoldMessage);
    })();
  });
}
