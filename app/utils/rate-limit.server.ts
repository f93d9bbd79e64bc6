import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { json, type HeadersFunction } from "@remix-run/node";
import { env } from "~/env.server";

// In-process counters: enough for one Node process. A multi-instance
// deployment would swap in rate-limiter-flexible's Redis or Postgres store.
const window = env.RATE_LIMIT_WINDOW_SECONDS;

const failedSignInByAccount = new RateLimiterMemory({ keyPrefix: "signin-account", points: env.RATE_LIMIT_POINTS, duration: window });
const failedSignInByIp = new RateLimiterMemory({ keyPrefix: "signin-ip", points: env.RATE_LIMIT_POINTS * 10, duration: window });
const resetByAccount = new RateLimiterMemory({ keyPrefix: "reset-account", points: env.RATE_LIMIT_POINTS, duration: window });
const resetByIp = new RateLimiterMemory({ keyPrefix: "reset-ip", points: env.RATE_LIMIT_POINTS * 10, duration: window });

// Open data is for everyone, so the limit is generous and per client IP; it
// only stops one client from starving the rest.
const apiByIp =
  env.API_RATE_LIMIT_POINTS > 0
    ? new RateLimiterMemory({ keyPrefix: "api-ip", points: env.API_RATE_LIMIT_POINTS, duration: env.API_RATE_LIMIT_WINDOW_SECONDS })
    : null;

export type ApiAllowance = { allowed: boolean; limit: number; remaining: number; resetSeconds: number } | null;

/** Counts one /api/v1 request; null when API limits are turned off. */
export async function consumeApiRequest(ip: string): Promise<ApiAllowance> {
  if (!apiByIp) return null;
  try {
    const state = await apiByIp.consume(ip);
    return { allowed: true, limit: apiByIp.points, remaining: state.remainingPoints, resetSeconds: Math.ceil(state.msBeforeNext / 1000) };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { allowed: false, limit: apiByIp.points, remaining: 0, resetSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
  }
}

export class RateLimitedError extends Error {
  constructor(public retryAfterSeconds: number) {
    super("rate limited");
  }
}

async function blockedFor(limiter: RateLimiterMemory, key: string): Promise<number> {
  const state = await limiter.get(key);
  if (state && state.consumedPoints >= limiter.points) return Math.ceil(state.msBeforeNext / 1000);
  return 0;
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.ceil(error.msBeforeNext / 1000));
    throw error;
  }
}

export const signInLimits = {
  async assertAllowed(ip: string, email: string) {
    const wait = Math.max(await blockedFor(failedSignInByAccount, email), await blockedFor(failedSignInByIp, ip));
    if (wait > 0) throw new RateLimitedError(wait);
  },
  async recordFailure(ip: string, email: string) {
    await Promise.all([consume(failedSignInByAccount, email), consume(failedSignInByIp, ip)]).catch((error) => {
      if (!(error instanceof RateLimitedError)) throw error;
    });
  },
  async recordSuccess(email: string) {
    await failedSignInByAccount.delete(email);
  },
};

// Every reset request counts, not just failures: each one sends an email.
export async function consumeResetAttempt(ip: string, email: string): Promise<void> {
  await consume(resetByIp, ip);
  await consume(resetByAccount, email);
}

// Remix builds a page's headers from its route's `headers` export, so routes
// that rate-limit pass the action's Retry-After through with this.
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

// The form-level message ("try again in N minutes") as an i18n key with its parameter.
export function rateLimitedMessage(error: RateLimitedError): string {
  return `validation.rateLimited|${Math.max(1, Math.ceil(error.retryAfterSeconds / 60))}`;
}

export function rateLimitedResponse<T extends object>(error: RateLimitedError, body: T) {
  return json(body, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
}
