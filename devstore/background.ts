// Background work started after an answer (asynchronous productSet, redirect imports), tracked so
// tests and a clean stop can wait for it.
export class Background {
  private readonly running = new Set<Promise<void>>();

  run(work: () => Promise<void>): void {
    const task = work()
      .catch((error: unknown) => console.error('devstore: background work failed', error))
      .finally(() => this.running.delete(task));
    this.running.add(task);
  }

  async settled(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
