// /readyz with the search engine unreachable: Meilisearch's address is a
// port nobody listens on. The process stays alive and serves; readiness says
// which dependency failed.
import net from "node:net";
import { describe, expect, it, vi } from "vitest";
import { startTestServer } from "~/test-support/http";

// Before any module reads the environment: a port that was just free.
await vi.hoisted(async () => {
  const { createServer } = await import("node:net");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  process.env.MEILI_URL = `http://127.0.0.1:${port}`;
  process.env.MEILI_API_KEY = "readiness-test-key";
});

const server = startTestServer();

describe("/readyz when search is down", () => {
  it("answers 503 naming search as the failed check; the database and storage still pass", async () => {
    const response = await fetch(`${server.baseUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; error?: string }> };
    expect(body.status).toBe("not ready");
    expect(body.checks.search).toMatchObject({ ok: false });
    expect(body.checks.database).toMatchObject({ ok: true });
    expect(body.checks.storage).toMatchObject({ ok: true });
    // The reason stays in the server's log, not on a public endpoint.
    expect(JSON.stringify(body)).not.toContain("127.0.0.1");
  });

  it("/healthz still says alive", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
  });
});
