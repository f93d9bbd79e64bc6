import net from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { TEST_PASSWORD, makeOrganisation, makeUser, uniqueEmail } from "~/test-support/factories";
import { startTestServer } from "~/test-support/http";

// A port nothing listens on: every SMTP delivery in this file fails.
const closedPort = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address() as net.AddressInfo;
    probe.close(() => resolve(port));
  });
});
process.env.SMTP_URL = `smtp://127.0.0.1:${closedPort}`;

const server = startTestServer();

describe("when the mail server is down", () => {
  it("keeps no invitation that nobody received, so the owner can simply try again", async () => {
    const owner = await makeUser();
    const organisation = await makeOrganisation(owner.id);
    const browser = server.browser();
    await browser.signIn(owner.email, TEST_PASSWORD);
    const page = await browser.post(`/orgs/${organisation.id}`, { intent: "invite", email: uniqueEmail("unreached"), role: "MEMBER" });
    expect(page.status).toBe(500);
    expect(page.text).toContain("Đã có lỗi xảy ra");
    expect(await db.invitation.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});
