import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv, s3Settings } from "./env.server";

const goodSecret = "a-very-long-production-secret-0123456789";

// Some type packages declare NODE_ENV as required on ProcessEnv; parseEnv
// itself must cope with any subset of variables.
function parse(source: Record<string, string>) {
  return parseEnv(source as NodeJS.ProcessEnv);
}

function errorOf(source: Record<string, string>): string {
  try {
    parse(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted the configuration");
}

describe("parseEnv", () => {
  it("fills in defaults when nothing is set", () => {
    const env = parse({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.PORT).toBe(3000);
    expect(env.MAIL_OUTBOX_DIR).toBe("var/outbox");
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.RATE_LIMIT_POINTS).toBe(5);
    expect(env.RATE_LIMIT_WINDOW_SECONDS).toBe(900);
    expect(env.MAIL_FROM).toContain("Sàn Giao dịch Công nghệ Hà Nội");
    expect(env.SESSION_SECRET).toBeUndefined();
  });

  it("refuses to start production without SESSION_SECRET", () => {
    const message = errorOf({ NODE_ENV: "production" });
    expect(message).toContain("SESSION_SECRET");
    expect(message).toMatch(/production/);
  });

  it("starts production with a long secret", () => {
    const env = parse({ NODE_ENV: "production", SESSION_SECRET: goodSecret });
    expect(env.SESSION_SECRET).toBe(goodSecret);
  });

  it("rejects a short SESSION_SECRET in any environment", () => {
    expect(errorOf({ NODE_ENV: "production", SESSION_SECRET: "short" })).toContain("SESSION_SECRET");
    expect(errorOf({ SESSION_SECRET: "x".repeat(31) })).toContain("SESSION_SECRET");
    expect(parse({ SESSION_SECRET: "x".repeat(32) }).SESSION_SECRET).toHaveLength(32);
  });

  it("coerces PORT and rejects nonsense", () => {
    expect(parse({ PORT: "8080" }).PORT).toBe(8080);
    expect(errorOf({ PORT: "abc" })).toContain("PORT");
    expect(errorOf({ PORT: "70000" })).toContain("PORT");
    expect(errorOf({ PORT: "0" })).toContain("PORT");
  });

  it("rejects a DATABASE_URL for an unsupported database with a helpful message", () => {
    const message = errorOf({ DATABASE_URL: "mysql://x" });
    expect(message).toContain("DATABASE_URL");
    expect(message).toMatch(/postgresql:\/\/|file:/);
    // The message names the scheme but does not echo credentials.
    expect(errorOf({ DATABASE_URL: "mysql://root:hunter2@db/app" })).not.toContain("hunter2");
  });

  it("accepts PostgreSQL and SQLite file URLs", () => {
    expect(parse({ DATABASE_URL: "postgresql://u:p@localhost:5432/san" }).DATABASE_URL).toBe(
      "postgresql://u:p@localhost:5432/san",
    );
    expect(parse({ DATABASE_URL: "postgres://u:p@localhost/san" }).DATABASE_URL).toBeDefined();
    expect(parse({ DATABASE_URL: `file:${path.join("prisma", "data", "x.db")}` }).DATABASE_URL).toBeDefined();
  });

  it("lists the missing secret and the bad database together", () => {
    // (Field-level errors such as PORT are reported first; these cross-field
    // checks run once every field has a valid type.)
    const message = errorOf({ NODE_ENV: "production", DATABASE_URL: "mysql://x" });
    expect(message).toContain("SESSION_SECRET");
    expect(message).toContain("DATABASE_URL");
  });

  it("trusts no proxy unless TRUST_PROXY names a hop count or the proxies' addresses", () => {
    expect(parse({}).TRUST_PROXY).toBe(false);
    expect(parse({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parse({ TRUST_PROXY: "" }).TRUST_PROXY).toBe(false);
    expect(parse({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parse({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parse({ TRUST_PROXY: "10.0.0.5, 192.168.0.0/16,loopback, fd00::/8" }).TRUST_PROXY).toEqual([
      "10.0.0.5",
      "192.168.0.0/16",
      "loopback",
      "fd00::/8",
    ]);
    // "true" would let any client pick its own address in X-Forwarded-For.
    expect(errorOf({ TRUST_PROXY: "true" })).toContain("TRUST_PROXY");
    expect(errorOf({ TRUST_PROXY: "10.0.0.0/33" })).toContain("10.0.0.0/33");
    expect(errorOf({ TRUST_PROXY: "proxy.internal" })).toContain("proxy.internal");
    expect(errorOf({ TRUST_PROXY: "1, 10.0.0.1" })).toContain("TRUST_PROXY");
    expect(errorOf({ TRUST_PROXY: "-1" })).toContain("TRUST_PROXY");
  });

  it("rejects unknown NODE_ENV and LOG_LEVEL values and malformed URLs", () => {
    expect(errorOf({ NODE_ENV: "prod" })).toContain("NODE_ENV");
    expect(errorOf({ LOG_LEVEL: "verbose" })).toContain("LOG_LEVEL");
    expect(errorOf({ APP_URL: "san.hanoi.gov.vn" })).toContain("APP_URL");
  });
});

// The demo's test payments (DEMO_TEST_PAYMENTS): a loopback Stripe stand-in,
// never beside real Stripe settings, never on a public address.
describe("parseEnv: DEMO_TEST_PAYMENTS", () => {
  it("is off unless asked for, and on for a local demo without Stripe keys", () => {
    expect(parse({}).DEMO_TEST_PAYMENTS).toBe("false");
    expect(
      parse({
        DEMO_TEST_PAYMENTS: "true",
        NODE_ENV: "production",
        SESSION_SECRET: goodSecret,
        APP_URL: "http://localhost:3000",
      }).DEMO_TEST_PAYMENTS,
    ).toBe("true");
    expect(
      parse({ DEMO_TEST_PAYMENTS: "true", APP_URL: "http://127.0.0.1:4000", STRIPE_API_PORT: "4555" }).STRIPE_API_PORT,
    ).toBe(4555);
    expect(errorOf({ DEMO_TEST_PAYMENTS: "yes" })).toContain("DEMO_TEST_PAYMENTS");
  });

  it("refuses the switch together with real-looking Stripe keys or settings", () => {
    const live = errorOf({
      DEMO_TEST_PAYMENTS: "true",
      STRIPE_SECRET_KEY: "sk_live_51Habc",
      STRIPE_WEBHOOK_SECRET: "whsec_abc",
    });
    expect(live).toContain("DEMO_TEST_PAYMENTS");
    expect(live).toContain("STRIPE_SECRET_KEY");
    expect(live).toContain("STRIPE_WEBHOOK_SECRET");
    expect(errorOf({ DEMO_TEST_PAYMENTS: "true", STRIPE_SECRET_KEY: "sk_test_51Habc" })).toContain("STRIPE_SECRET_KEY");
    expect(errorOf({ DEMO_TEST_PAYMENTS: "true", STRIPE_WEBHOOK_SECRET: "whsec_abc" })).toContain(
      "STRIPE_WEBHOOK_SECRET",
    );
    expect(errorOf({ DEMO_TEST_PAYMENTS: "true", STRIPE_PRICE_PREMIUM_MONTHLY: "price_123" })).toContain(
      "STRIPE_PRICE_PREMIUM_MONTHLY",
    );
    expect(errorOf({ DEMO_TEST_PAYMENTS: "true", STRIPE_API_HOST: "api.stripe.com" })).toContain("STRIPE_API_HOST");
    // Without the switch the same keys are an ordinary live configuration.
    expect(parse({ STRIPE_SECRET_KEY: "sk_live_51Habc", STRIPE_WEBHOOK_SECRET: "whsec_abc" }).DEMO_TEST_PAYMENTS).toBe(
      "false",
    );
  });

  it("refuses the switch on a public deployment and on the app's own port", () => {
    expect(
      errorOf({
        DEMO_TEST_PAYMENTS: "true",
        NODE_ENV: "production",
        SESSION_SECRET: goodSecret,
        APP_URL: "https://san.hanoi.gov.vn",
      }),
    ).toContain("APP_URL");
    expect(errorOf({ DEMO_TEST_PAYMENTS: "true", PORT: "4000", STRIPE_API_PORT: "4000" })).toContain("STRIPE_API_PORT");
  });
});

describe("parseEnv: S3 object storage", () => {
  const s3 = {
    S3_ENDPOINT: "http://minio:9000",
    S3_BUCKET: "hte-uploads",
    S3_ACCESS_KEY_ID: "minio",
    S3_SECRET_ACCESS_KEY: "minio-secret-key",
  };

  it("keeps files on local disk when nothing is set, and uses the bucket with the defaults when all four are", () => {
    expect(s3Settings(parse({}))).toBeNull();
    expect(s3Settings(parse(s3))).toEqual({
      endpoint: "http://minio:9000",
      bucket: "hte-uploads",
      accessKeyId: "minio",
      secretAccessKey: "minio-secret-key",
      region: "us-east-1",
      forcePathStyle: true,
    });
    expect(s3Settings(parse({ ...s3, S3_REGION: "ap-southeast-1", S3_FORCE_PATH_STYLE: "false" }))).toMatchObject({
      region: "ap-southeast-1",
      forcePathStyle: false,
    });
  });

  it("refuses to start with part of the settings, naming what is missing", () => {
    const { S3_SECRET_ACCESS_KEY: _secret, S3_BUCKET: _bucket, ...partial } = s3;
    const message = errorOf(partial);
    expect(message).toContain("S3_SECRET_ACCESS_KEY: S3 storage needs");
    expect(message).toContain("S3_BUCKET: S3 storage needs");
    expect(message).not.toContain("S3_ENDPOINT:");
    // An empty value is "not set", so these two alone are still a partial set.
    expect(
      errorOf({
        S3_ENDPOINT: "http://minio:9000",
        S3_BUCKET: "hte-uploads",
        S3_ACCESS_KEY_ID: "",
        S3_SECRET_ACCESS_KEY: "",
      }),
    ).toContain("S3_ACCESS_KEY_ID");
  });

  it("rejects a malformed endpoint, bucket name or path-style switch", () => {
    expect(errorOf({ ...s3, S3_ENDPOINT: "minio:9000" })).toContain("S3_ENDPOINT");
    expect(errorOf({ ...s3, S3_BUCKET: "Bad_Bucket" })).toContain("S3_BUCKET");
    expect(errorOf({ ...s3, S3_FORCE_PATH_STYLE: "yes" })).toContain("S3_FORCE_PATH_STYLE");
  });
});
