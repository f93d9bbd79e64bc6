import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.server";

function collectingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      callback();
    },
  });
  const logger = createLogger(stream);
  logger.level = "info"; // the unit env sets LOG_LEVEL=silent
  return { logger, lines };
}

describe("createLogger", () => {
  it("writes JSON lines tagged with the app name", () => {
    const { logger, lines } = collectingLogger();
    logger.info({ orgId: "o1" }, "organisation created");
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ app: "hanoi-tech-exchange", orgId: "o1", msg: "organisation created" });
  });

  it("never writes passwords, tokens, cookies or authorization headers", () => {
    const { logger, lines } = collectingLogger();
    logger.info(
      {
        password: "x-secret-password",
        user: { password: "y-secret-password", email: "an@congty.vn" },
        token: "t-secret-token",
        req: { method: "POST", headers: { cookie: "__session=abc-secret-cookie", authorization: "Bearer z-secret" } },
      },
      "sign in attempt",
    );
    const output = lines.join("\n");
    expect(lines).toHaveLength(1);
    for (const secret of [
      "x-secret-password",
      "y-secret-password",
      "t-secret-token",
      "abc-secret-cookie",
      "Bearer z-secret",
    ]) {
      expect(output).not.toContain(secret);
    }
    const entry = JSON.parse(lines[0]!) as {
      password: string;
      token: string;
      user: { password: string; email: string };
      req: { method: string; headers: { cookie: string; authorization: string } };
    };
    expect(entry.password).toBe("[redacted]");
    expect(entry.token).toBe("[redacted]");
    expect(entry.user.password).toBe("[redacted]");
    expect(entry.req.headers.cookie).toBe("[redacted]");
    expect(entry.req.headers.authorization).toBe("[redacted]");
    // Useful context survives.
    expect(entry.user.email).toBe("an@congty.vn");
    expect(entry.req.method).toBe("POST");
  });

  it("redacts new/current passwords, hashes and token hashes one level down", () => {
    const { logger, lines } = collectingLogger();
    logger.info({
      body: { currentPassword: "old-secret", newPassword: "new-secret" },
      user: { passwordHash: "$argon2id$hash-secret" },
      reset: { tokenHash: "hash-of-token-secret", token: "raw-token-secret" },
      res: { headers: { "set-cookie": "__session=set-cookie-secret" } },
    });
    const output = lines.join("\n");
    for (const secret of [
      "old-secret",
      "new-secret",
      "hash-secret",
      "hash-of-token-secret",
      "raw-token-secret",
      "set-cookie-secret",
    ]) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain("[redacted]");
  });

  it("respects the level: nothing is written when silent", () => {
    const { logger, lines } = collectingLogger();
    logger.level = "silent";
    logger.error({ password: "x" }, "boom");
    expect(lines).toEqual([]);
  });
});

describe("access log (pino-http, configured as in app/server/app.ts)", () => {
  // Reset and invitation links carry their raw token in the path; the
  // database keeps only a hash, so the access log must not keep the token.
  it("does not write the raw token from a password-reset link", async () => {
    const { pinoHttp } = await import("pino-http");
    const { createServer } = await import("node:http");
    const { logger, lines } = collectingLogger();
    const { httpLogOptions } = await import("./logger.server");
    const httpLogger = pinoHttp({ logger, ...httpLogOptions });
    const server = createServer((req, res) => {
      httpLogger(req, res);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      await fetch(`http://127.0.0.1:${port}/reset-password/RAW-RESET-TOKEN-123?x=1`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(lines.length).toBeGreaterThan(0); // the request was logged
    expect(lines.join("\n")).not.toContain("RAW-RESET-TOKEN-123");
  });
});
