/** A performance mark for benchmarks, where the environment has User Timing (jsdom does not). */
export function perfMark(name: string, detail?: unknown): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name, { detail });
}
