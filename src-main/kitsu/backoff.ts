/** Delay before retry `attempt` (1-based): exponential with jitter, capped. */
export function backoffDelay(attempt: number, baseMs: number, maxMs = 5_000): number {
  const exponential = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return exponential / 2 + Math.random() * (exponential / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
