// Behind one reverse proxy (TRUST_PROXY=1): the client address is the one the
// proxy appends to X-Forwarded-For, so people behind it are told apart. The
// server reads TRUST_PROXY when it starts, hence a file of its own.
import { describe, expect, it, vi as vitest } from "vitest";
import vi from "~/i18n/vi";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";

vitest.hoisted(() => {
  process.env.TRUST_PROXY = "1";
});

const server = startTestServer();
const WRONG = "sai mật khẩu rồi";

describe("TRUST_PROXY=1", () => {
  it("counts the address the proxy saw: the attacker is limited, the owner behind the same proxy gets in", async () => {
    const owner = await makeUser();
    const attacker = server.browser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const page = await attacker.post(
        "/login",
        { email: owner.email, password: WRONG },
        { "x-forwarded-for": "198.51.100.7" },
      );
      statuses.push(page.status);
      if (page.status === 429) {
        expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
        expect(visibleText(page.text)).toContain("Bạn đã thử quá nhiều lần");
      }
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);

    // Same socket address (the proxy), another client behind it.
    const ownerBrowser = server.browser();
    const signedIn = await ownerBrowser.post(
      "/login",
      { email: owner.email, password: TEST_PASSWORD },
      { "x-forwarded-for": "203.0.113.9" },
    );
    expect(signedIn.status).toBe(302);
    expect((await ownerBrowser.get("/account")).status).toBe(200);
  });

  it("trusts only the hop the proxy added: addresses the client wrote before it do not reset the limit", async () => {
    const owner = await makeUser();
    const attacker = server.browser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      // The client sent "X-Forwarded-For: 10.9.9.N"; the proxy appended the real address.
      const page = await attacker.post(
        "/login",
        { email: owner.email, password: WRONG },
        { "x-forwarded-for": `10.9.9.${attempt}, 198.51.100.8` },
      );
      statuses.push(page.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    expect(
      visibleText(
        (await attacker.post("/login", { email: owner.email, password: WRONG }, { "x-forwarded-for": "198.51.100.8" }))
          .text,
      ),
    ).toContain(vi.validation.rateLimited.slice(0, 20));
  });
});
