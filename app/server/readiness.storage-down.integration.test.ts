// /readyz with object storage unreachable: S3_ENDPOINT is a port nobody
// listens on. Uploads cannot be stored, so the process is not ready; the
// database and search still pass.
import net from "node:net";
import { describe, expect, it, vi } from "vitest";
import { startTestServer } from "~/test-support/http";

await vi.hoisted(async () => {
  const { createServer } = await import("node:net");
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  Object.assign(process.env, {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: "hte-readiness",
    S3_ACCESS_KEY_ID: "readiness",
    S3_SECRET_ACCESS_KEY: "readiness-secret",
  });
});

const server = startTestServer();

describe("/readyz when object storage is down", () => {
  it("answers 503 naming storage as the failed check", async () => {
    const response = await fetch(`${server.baseUrl}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks.storage).toMatchObject({ ok: false });
    expect(body.checks.database).toMatchObject({ ok: true });
  });
});
