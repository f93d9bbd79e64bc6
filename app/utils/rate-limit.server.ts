import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import pg from "pg";
import { json, type HeadersFunction } from "@remix-run/node";
import { resolveDatabaseTarget } from "~/db-url";
import { env } from "~/env.server";
import { logger } from "~/utils/logger.server";

type LimiterOptions = { keyPrefix: string; points: number; duration: number };

// On PostgreSQL every app process counts in one table, so N processes allow
// the limit once, not N times (issue 17). The table is created here rather
// than by a Prisma migration: it holds nothing but short-lived counters, the
// SQLite default never needs it, and CREATE TABLE IF NOT EXISTS is safe when
// several processes start at once (the race that slips past IF NOT EXISTS is
// a unique-violation on pg_type, treated as "another process made it").
// `key` is text, not the library's varchar(255): a key carries an e-mail
// address a client chose, and an over-long one must not fail the count.
export const RATE_LIMIT_TABLE = "rate_limit_counts";

type Store = { pool: pg.Pool; ready: () => Promise<void> };
let store: Store | null | undefined;

function postgresStore(): Store | null {
  if (store !== undefined) return store;
  const target = resolveDatabaseTarget(env.DATABASE_URL);
  if (target.provider !== "postgresql") return (store = null);
  // Small: each count is one short statement. allowExitOnIdle lets a process
  // that is shutting down exit without an explicit close of this pool.
  const pool = new pg.Pool({ connectionString: target.url, max: 4, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
  pool.on("error", (error) => logger.warn({ err: error }, "rate-limit database connection lost"));
  let created: Promise<void> | null = null;
  const ready = () =>
    (created ??= pool
      .query(
        `CREATE TABLE IF NOT EXISTS "${RATE_LIMIT_TABLE}" (key text PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      )
      .then(
        () => undefined,
        (error: { code?: string }) => {
          // 23505 / 42P07: another process created it at the same moment.
          if (error.code === "23505" || error.code === "42P07") return;
          created = null; // try again on the next count
          throw error;
        },
      ));
  return (store = { pool, ready });
}

// Every call waits until the table exists, so the first sign-in after boot is
// counted in the shared table rather than failing over to memory. A database
// that does not answer (table creation or the count itself) falls back to
// this process's memory (the insurance limiter): the limit still holds per
// process for the length of the outage, and sign-in answers instead of a 500.
// Failing closed was the alternative; it would turn a database hiccup into
// nobody being able to sign in, while a real outage stops sign-in anyway
// (the account is read from the same database).
class SharedLimiter extends RateLimiterPostgres {
  constructor(private readonly shared: Store, options: LimiterOptions) {
    super({
      ...options,
      storeClient: shared.pool,
      storeType: "pool",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  }

  private async whenReady(): Promise<void> {
    await this.shared
      .ready()
      .catch((error: unknown) => logger.error({ err: error }, "rate-limit table unavailable; counting in memory"));
  }

  override async consume(key: string | number, points?: number, options?: Record<string, unknown>) {
    await this.whenReady();
    return super.consume(key, points, options);
  }

  override async get(key: string | number, options?: Record<string, unknown>) {
    await this.whenReady();
    return super.get(key, options);
  }

  override async delete(key: string | number, options?: Record<string, unknown>) {
    await this.whenReady();
    return super.delete(key, options);
  }

  override async reward(key: string | number, points?: number, options?: Record<string, unknown>) {
    await this.whenReady();
    return super.reward(key, points, options);
  }

  override async penalty(key: string | number, points?: number, options?: Record<string, unknown>) {
    await this.whenReady();
    return super.penalty(key, points, options);
  }

  // set() (the known-address record) goes through the library's _block, which has its own insurance fallback.
  override async set(key: string | number, points: number, secDuration: number, options?: Record<string, unknown>) {
    await this.whenReady();
    return super.set(key, points, secDuration, options);
  }
}

// Every limiter in the app is made here: shared counts in PostgreSQL, this
// process's memory on SQLite (one database file means one machine, and the
// default runs one process).
export function createLimiter(options: LimiterOptions): RateLimiterAbstract {
  const shared = postgresStore();
  return shared ? new SharedLimiter(shared, options) : new RateLimiterMemory(options);
}

const window = env.RATE_LIMIT_WINDOW_SECONDS;

// Sign-in budgets (defaults: 5 per pair and 100 per address per 15 minutes,
// 50 per account per hour). The pair limit is the tight one: it stops one
// address guessing one account, yet someone else, or the owner from another
// address, can still sign in. The per-address budget stops one address trying
// a leaked-password list across many accounts. The per-account budget slows
// guessing spread over many addresses; it is not a lockout because an address
// that has signed in to the account before (the owner's home or office) is
// neither counted by it nor stopped by it (nor by the per-address budget).
export const SIGN_IN_LIMITS = {
  pair: { points: env.RATE_LIMIT_POINTS, seconds: window },
  address: { points: env.RATE_LIMIT_POINTS * 20, seconds: window },
  account: { points: env.RATE_LIMIT_POINTS * 10, seconds: Math.max(3600, window) },
  // How long a successful sign-in makes an address "known" to that account.
  // (Under 24.8 days: the memory store's expiry is a setTimeout.)
  knownAddressSeconds: 14 * 24 * 60 * 60,
} as const;

const signInByPair = createLimiter({
  keyPrefix: "signin-pair",
  points: SIGN_IN_LIMITS.pair.points,
  duration: SIGN_IN_LIMITS.pair.seconds,
});
const signInByAddress = createLimiter({
  keyPrefix: "signin-ip",
  points: SIGN_IN_LIMITS.address.points,
  duration: SIGN_IN_LIMITS.address.seconds,
});
const signInByAccount = createLimiter({
  keyPrefix: "signin-account",
  points: SIGN_IN_LIMITS.account.points,
  duration: SIGN_IN_LIMITS.account.seconds,
});
// Not a limit: a set of "address|account" pairs that signed in successfully,
// kept in the same store so it moves with the counters.
const knownSignInAddresses = createLimiter({
  keyPrefix: "signin-known",
  points: 1,
  duration: SIGN_IN_LIMITS.knownAddressSeconds,
});

// Wrong current passwords on /account, per user (the session is already
// proven, so the address does not matter): 5 per 15 minutes by default.
const currentPasswordByUser = createLimiter({
  keyPrefix: "current-password",
  points: env.RATE_LIMIT_POINTS,
  duration: window,
});

const resetByAccount = createLimiter({ keyPrefix: "reset-account", points: env.RATE_LIMIT_POINTS, duration: window });
const resetByIp = createLimiter({ keyPrefix: "reset-ip", points: env.RATE_LIMIT_POINTS * 10, duration: window });

// Open data is for everyone, so the limit is generous and per client IP; it
// only stops one client from starving the rest.
const apiByIp =
  env.API_RATE_LIMIT_POINTS > 0
    ? createLimiter({
        keyPrefix: "api-ip",
        points: env.API_RATE_LIMIT_POINTS,
        duration: env.API_RATE_LIMIT_WINDOW_SECONDS,
      })
    : null;

export type ApiAllowance = { allowed: boolean; limit: number; remaining: number; resetSeconds: number } | null;

/** Counts one /api/v1 request; null when API limits are turned off. */
export async function consumeApiRequest(ip: string): Promise<ApiAllowance> {
  if (!apiByIp) return null;
  try {
    const state = await apiByIp.consume(addressKey(ip));
    return {
      allowed: true,
      limit: apiByIp.points,
      remaining: state.remainingPoints,
      resetSeconds: Math.ceil(state.msBeforeNext / 1000),
    };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return {
      allowed: false,
      limit: apiByIp.points,
      remaining: 0,
      resetSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
    };
  }
}

/** The RateLimit-* headers that tell a client its /api/v1 budget. */
export function allowanceHeaders(allowance: NonNullable<ApiAllowance>): Record<string, string> {
  return {
    "RateLimit-Limit": String(allowance.limit),
    "RateLimit-Remaining": String(allowance.remaining),
    "RateLimit-Reset": String(allowance.resetSeconds),
  };
}

export class RateLimitedError extends Error {
  constructor(public retryAfterSeconds: number) {
    super("rate limited");
  }
}

// "::ffff:1.2.3.4" and "1.2.3.4" are the same client.
function addressKey(ip: string): string {
  return ip.startsWith("::ffff:") ? ip.slice("::ffff:".length) : ip;
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    throw error;
  }
}

type Reservation = Array<{ limiter: RateLimiterAbstract; key: string }>;

// Takes one point from each budget in turn. When one is spent, the points
// already taken are given back (that attempt was never judged) and the
// request is refused. Taking before the password is checked, rather than
// checking then counting, keeps 100 concurrent guesses from all slipping past.
async function reserve(budgets: Reservation, limitName: (index: number) => string, ip: string): Promise<Reservation> {
  const taken: Reservation = [];
  for (const [index, budget] of budgets.entries()) {
    try {
      await consume(budget.limiter, budget.key);
    } catch (error) {
      await Promise.all(taken.map(({ limiter, key }) => limiter.reward(key, 1)));
      if (error instanceof RateLimitedError)
        logger.warn({ limit: limitName(index), ip, retryAfterSeconds: error.retryAfterSeconds }, "rate limit reached");
      throw error;
    }
    taken.push(budget);
  }
  return taken;
}

export type CountedAttempt = { succeeded(): Promise<void> };

export const signInLimits = {
  /**
   * Counts a sign-in attempt before its password is checked; throws
   * RateLimitedError when a budget is spent. A wrong password needs nothing
   * more; call succeeded() when the password was right.
   */
  async begin(ip: string, email: string): Promise<CountedAttempt> {
    const address = addressKey(ip);
    const pairKey = `${address}|${accountKey(email)}`;
    const known = Boolean(await knownSignInAddresses.get(pairKey));
    const budgets: Reservation = [{ limiter: signInByPair, key: pairKey }];
    if (!known) {
      budgets.push({ limiter: signInByAccount, key: accountKey(email) }, { limiter: signInByAddress, key: address });
    }
    const names = ["sign-in pair", "sign-in account", "sign-in address"];
    const taken = await reserve(budgets, (index) => names[index]!, address);
    return {
      async succeeded() {
        // A right password clears this pair and is not a failure anywhere else.
        await signInByPair.delete(pairKey);
        await Promise.all(taken.slice(1).map(({ limiter, key }) => limiter.reward(key, 1)));
        await knownSignInAddresses.set(pairKey, 1, SIGN_IN_LIMITS.knownAddressSeconds);
      },
    };
  },
};

export const currentPasswordLimits = {
  /** Counts one current-password check on /account; throws RateLimitedError after too many wrong ones. */
  async begin(userId: string, ip: string): Promise<CountedAttempt> {
    await reserve([{ limiter: currentPasswordByUser, key: userId }], () => "current password", addressKey(ip));
    return {
      async succeeded() {
        await currentPasswordByUser.delete(userId);
      },
    };
  },
};

// Every reset request counts, not just failures: each one sends an email.
export async function consumeResetAttempt(ip: string, email: string): Promise<void> {
  await consume(resetByIp, addressKey(ip));
  await consume(resetByAccount, accountKey(email));
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
