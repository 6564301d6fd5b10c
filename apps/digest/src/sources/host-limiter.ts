/**
 * At most `perHost` tasks at a time for one host; the others wait their turn in order. Tasks for
 * different hosts never wait for each other.
 */
export class HostLimiter {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(private readonly perHost: number) {}

  async run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    if ((this.running.get(host) ?? 0) >= this.perHost)
      await new Promise<void>((start) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(start);
        this.waiting.set(host, queue);
      });
    else this.running.set(host, (this.running.get(host) ?? 0) + 1);
    try {
      return await task();
    } finally {
      // The slot passes to the next task waiting, or is given back.
      const next = this.waiting.get(host)?.shift();
      if (next) next();
      else this.running.set(host, (this.running.get(host) ?? 1) - 1);
    }
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
