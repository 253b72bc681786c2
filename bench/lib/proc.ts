import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Child processes: each engine × size runs alone (so its RSS is its own and a 50k build cannot
 * starve the others of memory), the servers run apart from the load generator, and every child
 * is killed when its time is up.
 */
export type ChildSpec = Record<string, unknown> & { task: string };
export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

const CHILD = path.join(__dirname, '..', 'child.ts');

export function spawnChild(spec: ChildSpec, heapMb = 4096): ChildProcess {
  // inherit tsx's loader flags, but set our own heap size and always expose gc()
  const execArgv = process.execArgv.filter((a) => !/^--(max-old-space-size|expose-gc)/.test(a));
  return fork(CHILD, [JSON.stringify(spec)], {
    execArgv: [...execArgv, '--expose-gc', `--max-old-space-size=${heapMb}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

export interface ChildRun {
  messages: ChildMessage[];
  exitCode: number | null;
  timedOut: boolean;
  wallMs: number;
}

/** Runs a child to completion (or kills it after `timeoutMs`), collecting its messages. */
export function runChild(
  spec: ChildSpec,
  opts: { timeoutMs: number; heapMb?: number; onMessage?: (m: ChildMessage) => void },
): Promise<ChildRun> {
  const started = performance.now();
  const child = spawnChild(spec, opts.heapMb);
  const messages: ChildMessage[] = [];
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, opts.timeoutMs);
  child.on('message', (m: ChildMessage) => {
    messages.push(m);
    opts.onMessage?.(m);
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ messages, exitCode: code, timedOut, wallMs: performance.now() - started });
    }),
  );
}

/** Starts a server child and waits for its `ready` message (with the port it listens on). */
export function startServer(
  spec: ChildSpec,
  timeoutMs: number,
  heapMb?: number,
): Promise<{ ready: ChildMessage; stop: () => Promise<void>; spawnToReadyMs: number }> {
  const started = performance.now();
  const child = spawnChild(spec, heapMb);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${spec.task}: not ready within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'error') reject(new Error(`${spec.task}: ${String(m.message)}`));
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      resolve({ ready: m, stop, spawnToReadyMs: performance.now() - started });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.task} exited (${code}) before it was ready`));
    });
  });
}
