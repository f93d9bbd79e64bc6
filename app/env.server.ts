import { isIP } from "node:net";
import { z } from "zod";
import { resolveDatabaseTarget } from "./db-url";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z.string().optional(),
    SESSION_SECRET: z.string().min(32).optional(),
    APP_URL: z.string().url().optional(),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Sàn Giao dịch Công nghệ Hà Nội <no-reply@hanoi-tech.local>"),
    MAIL_OUTBOX_DIR: z.string().default("var/outbox"),
    // Shown on the contact, privacy and accessibility pages: where people send
    // questions, personal-data requests (Decree 13/2023) and accessibility reports.
    CONTACT_EMAIL: z.string().email().default("lienhe@hanoi-tech.local"),
    // The mail worker (app/models/mail-outbox.server.ts): how often it looks
    // for due mail, the first retry delay (doubling per failure up to the
    // maximum), and after how many failed attempts a message is given up
    // ("dead", shown to staff). Defaults: 2 s; 30 s doubling to 1 h; 12
    // attempts, so a message keeps trying for about 6 hours.
    MAIL_SEND_INTERVAL_MS: z.coerce.number().int().min(20).default(2000),
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
    MAIL_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
    UPLOAD_DIR: z.string().default("var/uploads"),
    // S3-compatible object storage (MinIO, AWS S3, Ceph…) for uploads and the
    // open-data files, shared by every app process. Endpoint, bucket and both
    // keys come together or not at all (see s3Problems); unset, files stay in
    // UPLOAD_DIR and OPEN_DATA_DIR on this machine's disk.
    S3_ENDPOINT: z
      .string()
      .url()
      .regex(/^https?:\/\//, "an http:// or https:// URL")
      .optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "an S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)")
      .optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_REGION: z.string().default("us-east-1"),
    // MinIO and most S3-compatible servers want bucket names in the path.
    S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true"),
    // The public page cache (app/server/public-cache.ts): how long an
    // anonymous page or API answer may be served from memory at most (a write
    // in this process drops it at once; this bounds what a write made by
    // another process can leave stale), and its memory budget. 0 turns it off.
    PUBLIC_CACHE_SECONDS: z.coerce.number().min(0).max(300).default(5),
    PUBLIC_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SECURE_COOKIES: z.enum(["true", "false"]).optional(),
    RATE_LIMIT_POINTS: z.coerce.number().int().min(1).default(5),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    // Which proxies may name the client address in X-Forwarded-For (sign-in
    // limits and the API limit count per client address). Unset or "false":
    // nobody, the socket's address is the client.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const parsed = parseTrustProxy(value);
        if (typeof parsed === "string") {
          ctx.addIssue({ code: "custom", message: parsed });
          return z.NEVER;
        }
        return parsed;
      }),
    // The public /api/v1 per client IP: points per window; 0 turns it off
    // (load benchmarks on loopback).
    API_RATE_LIMIT_POINTS: z.coerce.number().int().min(0).default(600),
    API_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    // Bulk open-data downloads (CSV, JSON and their manifest), rebuilt daily.
    OPEN_DATA_DIR: z.string().default("data/open-data"),
    // "false": the server never rebuilds them itself (cron runs npm run open-data:build; benchmarks).
    OPEN_DATA_AUTO_REBUILD: z.enum(["true", "false"]).default("true"),
    // Who may read /metrics (app/server/metrics.ts): a Bearer token, and/or
    // client addresses or subnets (also loopback, linklocal, uniquelocal).
    // Neither set: /metrics answers 404 to everyone.
    METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
    METRICS_ALLOW: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const entries = (value ?? "")
          .split(",")
          .map((entry) => entry.trim().toLowerCase())
          .filter(Boolean);
        const bad = entries.filter((entry) => !isProxyAddress(entry));
        if (bad.length > 0) {
          ctx.addIssue({
            code: "custom",
            message: `not an IP address, subnet or loopback/linklocal/uniquelocal: ${bad.join(", ")}`,
          });
          return z.NEVER;
        }
        return entries;
      }),
    // Unset: the embedded engine, in a file next to the database (or here).
    SEARCH_INDEX_PATH: z.string().optional(),
    // Set: Meilisearch. The key stays on the server; browsers only ever talk
    // to this app's own search routes.
    MEILI_URL: z.string().url().optional(),
    MEILI_API_KEY: z.string().optional(),
    MEILI_INDEX: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/)
      .default("hte-search"),
    SEARCH_SYNC_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
    // A search index (a process's embedded file) not seen polling the search
    // log for this long no longer holds entries back from pruning; if it
    // returns after they are gone, it rebuilds from the database.
    SEARCH_CONSUMER_STALE_MINUTES: z.coerce.number().int().min(1).default(60),
    // "on": publishing a problem (or a proposal to it) fills its curation
    // board in the background. "off" for scripts that write their own matches
    // (the demo seed) and for test suites that count cards.
    CURATION_AUTOFILL: z.enum(["on", "off"]).default("on"),
    // Periodic jobs (app/models/scheduled-jobs.server.ts) run once across all
    // processes under database leases. "off": this process never runs them
    // (a web-only process; at least one process must keep it on). The tick is
    // how often a process looks for due jobs (a short one for tests).
    SCHEDULER: z.enum(["on", "off"]).default("on"),
    SCHEDULER_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    // On SIGTERM/SIGINT the server stops accepting, finishes requests in
    // flight and the current job batch, then exits 0; past this it exits 1.
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    // Payments (Stripe). Without both keys, ordering says payments are not set up.
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    // Only for a local stand-in of the Stripe API (tests, demos).
    STRIPE_API_HOST: z.string().optional(),
    STRIPE_API_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    STRIPE_API_PROTOCOL: z.enum(["http", "https"]).optional(),
    // The demo's test payments (npm start sets it when there are no Stripe
    // keys): the server runs the loopback Stripe stand-in and pays through
    // it; every money page says no real money moves. Refused with real keys
    // or a public APP_URL (see demoPaymentProblems below).
    DEMO_TEST_PAYMENTS: z.enum(["true", "false"]).default("false"),
    PLATFORM_FEE_PERCENT: z.coerce.number().int().min(0).max(100).default(10),
    // A PENDING order still without a payment page this many minutes after it
    // was written (the process died in between) is cancelled with a reason.
    // Far above the provider's 15 s timeout, so a live request is never swept.
    STRANDED_ORDER_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
    // An uploaded file no row names is deleted once it is this old; younger
    // ones may belong to a form whose transaction has not committed yet.
    ORPHAN_UPLOAD_GRACE_MINUTES: z.coerce.number().int().min(5).max(10080).default(60),
    // Stripe Price ids of the provider plans (recurring, VND). A plan whose
    // price is not set cannot be bought; its button says so.
    STRIPE_PRICE_VERIFIED_MONTHLY: z
      .string()
      .regex(/^price_\w+$/, "a Stripe Price id (price_…)")
      .optional(),
    STRIPE_PRICE_VERIFIED_YEARLY: z
      .string()
      .regex(/^price_\w+$/, "a Stripe Price id (price_…)")
      .optional(),
    STRIPE_PRICE_PREMIUM_MONTHLY: z
      .string()
      .regex(/^price_\w+$/, "a Stripe Price id (price_…)")
      .optional(),
    STRIPE_PRICE_PREMIUM_YEARLY: z
      .string()
      .regex(/^price_\w+$/, "a Stripe Price id (price_…)")
      .optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "required in production (32+ characters)" });
    }
    for (const problem of demoPaymentProblems(env))
      ctx.addIssue({ code: "custom", path: [problem.path], message: problem.message });
    for (const problem of s3Problems(env))
      ctx.addIssue({
        code: "custom",
        path: [problem],
        message:
          "S3 storage needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY together; set the missing one or unset them all (files then stay on local disk)",
      });
    try {
      resolveDatabaseTarget(env.DATABASE_URL);
    } catch (error) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: (error as Error).message });
    }
  });

export type Env = z.infer<typeof envSchema>;

export type TrustProxy = false | number | string[];

// Express's "trust proxy" setting, from TRUST_PROXY: a hop count ("1": one
// reverse proxy in front), or a comma-separated list of proxy addresses and
// subnets (proxy-addr's names loopback, linklocal and uniquelocal too).
// "true" (believe any X-Forwarded-For) is refused: a client could then pick
// its own address and rotate past every per-address limit. Returns the
// setting, or a message saying what is wrong.
export function parseTrustProxy(value: string | undefined): TrustProxy | string {
  const text = value?.trim().toLowerCase() ?? "";
  if (text === "" || text === "false" || text === "0") return false;
  if (text === "true")
    return '"true" would trust any X-Forwarded-For; give a hop count (e.g. 1) or the proxies\' addresses';
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? hops : "a hop count from 0 to 10, or proxy addresses";
  }
  const entries = text.split(",").map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length > 0) return `not a hop count, IP address, subnet or loopback/linklocal/uniquelocal: ${bad.join(", ")}`;
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (["loopback", "linklocal", "uniquelocal"].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const version = isIP(address ?? "");
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (version === 4 ? 32 : 128);
}

const S3_REQUIRED = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

// Half an S3 configuration would quietly keep files on one machine's disk
// while the operator believes they are shared, so it stops the boot instead.
function s3Problems(env: Partial<Record<(typeof S3_REQUIRED)[number], string>>): string[] {
  const missing = S3_REQUIRED.filter((name) => !env[name]);
  return missing.length === S3_REQUIRED.length ? [] : [...missing];
}

export type S3Settings = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  forcePathStyle: boolean;
};

/** The S3 settings when object storage is configured, otherwise null (local folders). */
export function s3Settings(settings: Env = env): S3Settings | null {
  if (!settings.S3_ENDPOINT || !settings.S3_BUCKET || !settings.S3_ACCESS_KEY_ID || !settings.S3_SECRET_ACCESS_KEY)
    return null;
  return {
    endpoint: settings.S3_ENDPOINT,
    bucket: settings.S3_BUCKET,
    accessKeyId: settings.S3_ACCESS_KEY_ID,
    secretAccessKey: settings.S3_SECRET_ACCESS_KEY,
    region: settings.S3_REGION,
    forcePathStyle: settings.S3_FORCE_PATH_STYLE === "true",
  };
}

// DEMO_TEST_PAYMENTS is for a demo on one machine, never beside real
// payments: with any Stripe key, price id or API host it would be unclear
// which one takes the money, and its checkout page listens on loopback only,
// so a public APP_URL means a deployment others use, not the local demo.
function demoPaymentProblems(env: {
  DEMO_TEST_PAYMENTS: string;
  APP_URL?: string;
  PORT: number;
  STRIPE_API_PORT?: number;
  [key: string]: unknown;
}): { path: string; message: string }[] {
  if (env.DEMO_TEST_PAYMENTS !== "true") return [];
  const problems: { path: string; message: string }[] = [];
  const conflicting = Object.keys(env).filter(
    (key) => key.startsWith("STRIPE_") && key !== "STRIPE_API_PORT" && env[key] !== undefined,
  );
  if (conflicting.length > 0) {
    problems.push({
      path: "DEMO_TEST_PAYMENTS",
      message: `test payments (the loopback Stripe stand-in) cannot run beside real Stripe settings; unset ${conflicting.join(
        ", ",
      )} or DEMO_TEST_PAYMENTS`,
    });
  }
  if (env.APP_URL && !isLoopbackUrl(env.APP_URL)) {
    problems.push({
      path: "DEMO_TEST_PAYMENTS",
      message: `test payments are for a local demo only, but APP_URL is ${env.APP_URL}; unset DEMO_TEST_PAYMENTS on a deployment`,
    });
  }
  if ((env.STRIPE_API_PORT ?? env.PORT + 1) === env.PORT) {
    problems.push({ path: "STRIPE_API_PORT", message: "the test-payment stand-in needs its own port, not PORT" });
  }
  return problems;
}

function isLoopbackUrl(value: string): boolean {
  const host = new URL(value).hostname;
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  // `SMTP_URL=` in a shell or .env file means "not set", not "invalid URL".
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  return result.data;
}

// Validated once at boot: a bad variable stops the server before it serves.
export const env = parseEnv(process.env);

// A fixed development secret keeps sessions across restarts of `npm start`;
// production refuses to boot without its own (see the schema above).
export const sessionSecret = env.SESSION_SECRET ?? "dev-only-secret-not-for-production-use-0000";

export const secureCookies = env.SECURE_COOKIES ? env.SECURE_COOKIES === "true" : env.NODE_ENV === "production";
