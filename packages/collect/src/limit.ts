/**
 * Runs at most `concurrency` tasks at a time; the returned function queues a task and resolves
 * with its result. (A tiny p-limit: the collector needs nothing more.)
 */
export function limiter(concurrency: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  let active = 0;
  const queue: (() => void)[] = [];
  const next = (): void => {
    if (active >= concurrency) return;
    const start = queue.shift();
    if (start === undefined) return;
    active++;
    start();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        task()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
