// /healthz and /readyz when the database hangs: DATABASE_URL names a server
// that accepts connections and never answers (a stuck PostgreSQL, a
// half-open network path). Alive must not depend on it; ready must say so
// within its time bound instead of hanging with it. Then the database
// refuses outright, and /metrics counts the 500s pages answer.
import net from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startTestServer } from "~/test-support/http";

const hung = await vi.hoisted(async () => {
  const { createServer } = await import("node:net");
  const sockets = new Set<net.Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  process.env.DATABASE_URL = `postgresql://hte:hte@127.0.0.1:${(silent.address() as net.AddressInfo).port}/hung`;
  process.env.METRICS_TOKEN = "database-hung-metrics-token";
  return { silent, sockets };
});

const server = startTestServer();

async function stopHungServer() {
  for (const socket of hung.sockets) socket.destroy();
  if (hung.silent.listening) await new Promise((resolve) => hung.silent.close(resolve));
}
afterAll(stopHungServer);

describe("a hung database", () => {
  it("/healthz answers 200 at once: the process is alive", async () => {
    const started = Date.now();
    const response = await fetch(`${server.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "alive" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("/readyz answers 503 within its 2 s bound, naming the database as timed out", async () => {
    const started = Date.now();
    const response = await fetch(`${server.baseUrl}/readyz`);
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    const body = (await response.json()) as { checks: Record<string, { ok: boolean; error?: string }> };
    expect(body.checks.database).toMatchObject({ ok: false, error: "timeout" });
    expect(elapsed).toBeGreaterThanOrEqual(1900);
    expect(elapsed).toBeLessThan(3500);
  });

  it("a second probe while the first database call still hangs is bounded the same way", async () => {
    const started = Date.now();
    const [first, second] = await Promise.all([fetch(`${server.baseUrl}/readyz`), fetch(`${server.baseUrl}/readyz`)]);
    expect([first.status, second.status]).toEqual([503, 503]);
    expect(Date.now() - started).toBeLessThan(3500);
  });

  it("once the database refuses connections, pages answer 500 and /metrics counts them; the queue figures are left out", async () => {
    await stopHungServer();
    const page = await fetch(`${server.baseUrl}/`);
    expect(page.status).toBe(500);
    await page.text();
    const scrape = await fetch(`${server.baseUrl}/metrics`, {
      headers: { authorization: "Bearer database-hung-metrics-token" },
    });
    expect(scrape.status).toBe(200);
    const text = await scrape.text();
    expect(text).toMatch(/^hte_http_server_errors_total\{(?=[^}]*method="GET")(?=[^}]*route="\/")[^}]*\} [1-9]/m);
    expect(text).toMatch(/^hte_queue_metrics_up 0$/m);
    expect(text).not.toMatch(/^hte_mail_outbox_messages\{/m);
  });
});
