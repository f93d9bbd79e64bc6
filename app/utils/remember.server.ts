import { LRUCache } from "lru-cache";
import { env } from "~/env.server";
import { dataVersion } from "./data-version.server";

/**
 * Remembers what `compute` answered for a key until the next write this
 * process commits (app/utils/data-version.server.ts), and for at most
 * PUBLIC_CACHE_SECONDS (the bound on staleness after another process wrote).
 * For public answers that cost many queries and are asked for again and
 * again: the needs an offer may fit, ranked. Callers share the answer, so
 * they must not change it. Calls that arrive while it is computed share that
 * one computation; a failure is not remembered.
 */
export function rememberUntilDataChanges<Args extends unknown[], Result>(
  compute: (...args: Args) => Promise<Result>,
  options: { key: (...args: Args) => string; max: number },
): (...args: Args) => Promise<Result> {
  const ttl = env.PUBLIC_CACHE_SECONDS * 1000;
  if (ttl <= 0) return compute;
  const kept = new LRUCache<string, { version: number; answer: Promise<Result> }>({ max: options.max, ttl });
  return (...args: Args) => {
    const key = options.key(...args);
    // Read before computing: a write that lands meanwhile makes this answer old at once.
    const version = dataVersion();
    const hit = kept.get(key);
    if (hit && hit.version === version) return hit.answer;
    const answer = compute(...args);
    kept.set(key, { version, answer });
    answer.catch(() => {
      if (kept.get(key)?.answer === answer) kept.delete(key);
    });
    return answer;
  };
}
