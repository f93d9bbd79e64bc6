import net from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { deliverDueMail } from "~/models/mail-outbox.server";
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
  it("keeps the invitation and its queued email, which is retried rather than lost", async () => {
    const owner = await makeUser();
    const organisation = await makeOrganisation(owner.id);
    const browser = server.browser();
    await browser.signIn(owner.email, TEST_PASSWORD);
    const invitee = uniqueEmail("unreached");
    const page = await browser.post(`/orgs/${organisation.id}`, { intent: "invite", email: invitee, role: "MEMBER" });
    expect(page.status).toBe(302);
    expect(await db.invitation.count({ where: { organisationId: organisation.id } })).toBe(1);
    // The worker's attempt fails against the closed port; the email waits for the next one.
    const report = await deliverDueMail({ smtpUrl: process.env.SMTP_URL });
    expect(report).toMatchObject({ sent: 0, failed: 1 });
    const queued = await db.mailOutbox.findFirstOrThrow({ where: { to: invitee } });
    expect(queued).toMatchObject({ kind: "organisation.invitation", attempts: 1, sentAt: null, deadAt: null });
    expect(queued.lastError).toBeTruthy();
    expect(queued.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
  });
});
