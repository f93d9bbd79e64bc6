import type { NextFunction, Request, Response } from "express";
import type { IncomingHttpHeaders } from "node:http";
import { describe, expect, it, vi } from "vitest";
import { isCrossSiteWrite, originGuard } from "./security";

const HOST = "localhost:3000";

function request(method: string, headers: IncomingHttpHeaders = {}, path = "/orgs/new") {
  return { method, path, headers: { host: HOST, ...headers } } as Pick<Request, "method" | "path" | "headers">;
}

describe("isCrossSiteWrite", () => {
  it("never blocks safe methods, even from another site", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(
        isCrossSiteWrite(request(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), []),
      ).toBe(false);
    }
  });

  it("allows a POST whose Origin is this host", () => {
    expect(isCrossSiteWrite(request("POST", { origin: `http://${HOST}` }), [])).toBe(false);
    expect(isCrossSiteWrite(request("POST", { origin: `https://${HOST}` }), [])).toBe(false);
  });

  it("blocks a POST from a foreign Origin", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://evil.example" }), [])).toBe(true);
    // Same host name but another port is another origin.
    expect(isCrossSiteWrite(request("POST", { origin: "http://localhost:4000" }), [])).toBe(true);
    // A look-alike that merely starts with our origin.
    expect(isCrossSiteWrite(request("POST", { origin: `http://${HOST}.evil.example` }), [])).toBe(true);
  });

  it("blocks every state-changing method, not only POST", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isCrossSiteWrite(request(method, { origin: "https://evil.example" }), [])).toBe(true);
    }
  });

  it('blocks Origin "null" (sandboxed iframes, data: URLs)', () => {
    expect(isCrossSiteWrite(request("POST", { origin: "null" }), [])).toBe(true);
  });

  it("uses Sec-Fetch-Site: cross-site and same-site are blocked, same-origin and none allowed", () => {
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "cross-site" }), [])).toBe(true);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "same-site" }), [])).toBe(true);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "same-origin" }), [])).toBe(false);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "none" }), [])).toBe(false);
  });

  it("blocks a cross-site Sec-Fetch-Site even when the Origin header looks like ours", () => {
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "cross-site", origin: `http://${HOST}` }), [])).toBe(
      true,
    );
  });

  it("still checks Origin when Sec-Fetch-Site says same-origin", () => {
    expect(
      isCrossSiteWrite(request("POST", { "sec-fetch-site": "same-origin", origin: "https://evil.example" }), []),
    ).toBe(true);
  });

  it("allows clients that send neither header (curl, server-to-server)", () => {
    expect(isCrossSiteWrite(request("POST"), [])).toBe(false);
    expect(
      isCrossSiteWrite(
        { method: "POST", path: "/login", headers: {} } as Pick<Request, "method" | "path" | "headers">,
        [],
      ),
    ).toBe(false);
  });

  it("exempts paths under /webhooks/ only", () => {
    const foreign = { origin: "https://api.stripe.com", "sec-fetch-site": "cross-site" };
    expect(isCrossSiteWrite(request("POST", foreign, "/webhooks/stripe"), [])).toBe(false);
    expect(isCrossSiteWrite(request("POST", foreign, "/webhooks"), [])).toBe(true);
    expect(isCrossSiteWrite(request("POST", foreign, "/webhooksx/stripe"), [])).toBe(true);
    expect(isCrossSiteWrite(request("POST", foreign, "/orgs/webhooks/x"), [])).toBe(true);
  });

  it("honours allowedOrigins behind a proxy where Host differs from the public origin", () => {
    const behindProxy = (origin: string) =>
      ({ method: "POST", path: "/orgs/new", headers: { host: "127.0.0.1:3000", origin } } as Pick<
        Request,
        "method" | "path" | "headers"
      >);
    const allowed = ["https://san.hanoi.gov.vn"];
    expect(isCrossSiteWrite(behindProxy("https://san.hanoi.gov.vn"), allowed)).toBe(false);
    expect(isCrossSiteWrite(behindProxy("https://san.hanoi.gov.vn"), [])).toBe(true);
    expect(isCrossSiteWrite(behindProxy("http://san.hanoi.gov.vn"), allowed)).toBe(true);
    expect(isCrossSiteWrite(behindProxy("https://evil.example"), allowed)).toBe(true);
  });
});

describe("originGuard", () => {
  function run(req: Pick<Request, "method" | "path" | "headers">) {
    const res = {
      statusCode: 200,
      body: undefined as unknown,
      status(code: number) {
        this.statusCode = code;
        return this;
      },
      type() {
        return this;
      },
      send(body: unknown) {
        this.body = body;
        return this;
      },
    };
    const next = vi.fn() as unknown as NextFunction;
    originGuard([])(req as Request, res as unknown as Response, next);
    return { res, next: next as unknown as ReturnType<typeof vi.fn> };
  }

  it("answers 403 with a bilingual message and does not call the app", () => {
    const { res, next } = run(request("POST", { origin: "https://evil.example" }));
    expect(res.statusCode).toBe(403);
    expect(String(res.body)).toMatch(/từ chối/);
    expect(String(res.body)).toMatch(/cross-site/i);
    expect(next).not.toHaveBeenCalled();
  });

  it("passes same-origin requests through", () => {
    const { res, next } = run(request("POST", { origin: `http://${HOST}` }));
    expect(next).toHaveBeenCalledOnce();
    expect(res.statusCode).toBe(200);
  });
});
