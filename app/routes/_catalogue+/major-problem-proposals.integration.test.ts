// Proposals to the city's major problems: providers propose while the latest
// published version shows the problem open; only staff decide.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { createProposal } from "~/models/proposal.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import {
  makeAgency,
  makeOffer,
  makePublishedMajorProblem,
  makeProvider,
  pdfBytes,
  postMultipart,
  setMajorProblemStatus,
} from "~/test-support/statement-factories";

const server = startTestServer();

let staff: TestBrowser;
let providerA: TestBrowser;
let providerB: TestBrowser;
let agency: TestBrowser;
let staffId = "";
let userAId = "";
let orgA = { id: "", name: "" };
let orgB = { id: "", name: "" };

beforeAll(async () => {
  const curator = await makeUser({ role: "STAFF" });
  const a = await makeUser({ name: "Nhà cung cấp A" });
  const b = await makeUser({ name: "Nhà cung cấp B" });
  const agencyOwner = await makeUser({ name: "Chủ Sở" });
  staffId = curator.id;
  userAId = a.id;
  orgA = await makeProvider(a.id, "Công ty Bí Danh Alpha");
  orgB = await makeProvider(b.id, "Công ty Beta Cạnh Tranh");
  await makeAgency(agencyOwner.id);
  staff = await server.signedIn(curator);
  providerA = await server.signedIn(a);
  providerB = await server.signedIn(b);
  agency = await server.signedIn(agencyOwner);
});

const pageOf = (p: { listSlug: string; code: string }) => `/major-problems/${p.listSlug}/${p.code}`;

describe("proposing to a major problem", () => {
  it("accepts an offer with a PDF for an open problem and one without for a problem in progress", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    // The public page offers the way in to signed-in visitors only.
    expect((await providerA.get(pageOf(problem))).text).toContain(`href="${pageOf(problem)}/propose"`);
    expect((await server.browser().get(pageOf(problem))).text).not.toContain(`${pageOf(problem)}/propose`);
    expect((await providerA.get(`${pageOf(problem)}/propose`)).status).toBe(200);

    const offer = await makeOffer(orgA.id, { title: "Nền tảng điều phối giao thông Alpha" });
    const proposed = await postMultipart(
      server.baseUrl,
      providerA.cookieHeader(),
      `${pageOf(problem)}/propose`,
      { offerId: offer.id, pitch: "Đã triển khai ở 30 nút giao." },
      { name: "thuyết minh.pdf", bytes: pdfBytes() },
    );
    expect(proposed.status, proposed.text.slice(0, 300)).toBe(302);
    expect(proposed.location).toBe(`/orgs/${orgA.id}/proposals`);
    const proposal = await db.proposal.findFirstOrThrow({ where: { majorProblemId: problem.id } });
    expect(proposal).toMatchObject({
      organisationId: orgA.id,
      problemStatementId: null,
      status: "RECEIVED",
      attachmentName: "thuyết minh.pdf",
    });

    const attachment = `${pageOf(problem)}/proposals/${proposal.id}/attachment`;
    for (const browser of [staff, providerA]) {
      const file = await browser.get(attachment);
      expect(file.status).toBe(200);
      expect(file.text.startsWith("%PDF")).toBe(true);
    }
    for (const browser of [providerB, agency]) expect((await browser.get(attachment)).status).toBe(404);
    expect((await server.browser().get(attachment)).status).toBe(302);
    // The same proposal cannot be reached through a statement's URL.
    expect((await staff.get(`/problems/${problem.listSlug}/proposals/${proposal.id}/attachment`)).status).toBe(404);

    const inProgress = await makePublishedMajorProblem(staffId, "IN_PROGRESS");
    expect(
      (await providerA.post(`${pageOf(inProgress)}/propose`, { offerId: offer.id, pitch: "Không kèm tệp." })).status,
    ).toBe(302);
    const mine = visibleText((await providerA.get(`/orgs/${orgA.id}/proposals`)).text);
    expect(mine).toContain(problem.title);
    expect(mine).toContain(inProgress.title);
    expect(mine).toContain(vi.statements.proposals.proposalStatus.RECEIVED);
  });

  it("refuses a duplicate, another organisation's offer, and a withdrawn, solved or unpublished problem", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    const url = `${pageOf(problem)}/propose`;
    const offer = await makeOffer(orgA.id);
    expect((await providerA.post(url, { offerId: offer.id, pitch: "Lần một" })).status).toBe(302);
    const duplicate = await providerA.post(url, { offerId: offer.id, pitch: "Lần hai" });
    expect(duplicate.status).toBe(400);
    expect(visibleText(duplicate.text)).toContain(vi.statements.proposals.duplicate);
    expect(duplicate.text).toContain("Lần hai");

    const othersOffer = await makeOffer(orgB.id, { title: "Giải pháp riêng của Beta" });
    const foreign = await providerA.post(url, { offerId: othersOffer.id, pitch: "Mượn giải pháp" });
    expect(foreign.status).toBe(400);
    expect(visibleText(foreign.text)).toContain(vi.statements.proposals.offerNotAllowed);
    expect(foreign.text).toContain("Mượn giải pháp");
    expect(foreign.text).not.toContain("Giải pháp riêng của Beta");
    expect(await db.proposal.count({ where: { majorProblemId: problem.id } })).toBe(1);

    // Only the published version counts: an unpublished withdrawal changes nothing yet.
    await setMajorProblemStatus(staffId, problem, "WITHDRAWN", false);
    expect((await providerA.post(url, { offerId: (await makeOffer(orgA.id)).id, pitch: "Vẫn mở" })).status).toBe(302);
    await setMajorProblemStatus(staffId, problem, "WITHDRAWN");
    expect((await providerA.get(url)).status).toBe(404);
    expect((await providerA.post(url, { offerId: (await makeOffer(orgA.id)).id, pitch: "Đã rút" })).status).toBe(404);
    expect((await providerA.get(pageOf(problem))).text).not.toContain(`href="${url}"`);

    const solved = await makePublishedMajorProblem(staffId, "SOLVED");
    expect((await providerA.post(`${pageOf(solved)}/propose`, { offerId: offer.id, pitch: "Muộn" })).status).toBe(404);
    // A problem staff added but have not published yet has no page at all.
    const unpublished = await makePublishedMajorProblem(staffId);
    await db.majorProblem.update({ where: { id: unpublished.id }, data: { code: "BT-02" } });
    expect((await providerA.get(`/major-problems/${unpublished.listSlug}/BT-02/propose`)).status).toBe(404);

    // The model checks the published status itself, for a page opened before a withdrawal.
    const late = await createProposal(
      userAId,
      { majorProblemId: problem.id },
      { offerId: (await makeOffer(orgA.id)).id, pitch: "Muộn" },
      null,
    );
    expect(late.outcome).toBe("closed");
    expect(await db.proposal.count({ where: { majorProblemId: { in: [problem.id, solved.id] } } })).toBe(2);
  });
});

describe("staff deciding", () => {
  it("shortlists, then declines with a reason the proposer reads and others cannot", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    const offer = await makeOffer(orgA.id, { title: "Giải pháp quyết định Alpha" });
    expect(
      (await providerA.post(`${pageOf(problem)}/propose`, { offerId: offer.id, pitch: "Đề xuất của Alpha." })).status,
    ).toBe(302);
    const proposal = await db.proposal.findFirstOrThrow({ where: { majorProblemId: problem.id } });
    const staffPage = "/staff/major-problems/proposals";
    const listed = visibleText((await staff.get(`${staffPage}?list=${problem.listId}`)).text);
    expect(listed).toContain("Giải pháp quyết định Alpha");
    expect(listed).toContain(problem.title);
    expect(visibleText((await staff.get("/staff/major-problems")).text)).toContain(
      vi.statements.proposals.staffMajorLink,
    );

    // Neither the proposer nor an agency decides a major problem's proposals.
    for (const browser of [providerA, agency]) {
      expect(
        (await browser.post(staffPage, { intent: "decide", proposalId: proposal.id, status: "SHORTLISTED" })).status,
      ).toBe(403);
    }
    expect(
      (await staff.post(staffPage, { intent: "decide", proposalId: proposal.id, status: "SHORTLISTED" })).status,
    ).toBe(302);
    const noReason = await staff.post(staffPage, {
      intent: "decide",
      proposalId: proposal.id,
      status: "DECLINED",
      declineReason: "",
    });
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.text)).toContain(vi.validation.requiredChoice);
    expect(
      (
        await staff.post(staffPage, {
          intent: "decide",
          proposalId: proposal.id,
          status: "DECLINED",
          declineReason: "TRL_TOO_LOW",
          declineNote: "Cần thí điểm thực tế trước.",
        })
      ).status,
    ).toBe(302);

    const mine = visibleText((await providerA.get(`/orgs/${orgA.id}/proposals`)).text);
    expect(mine).toContain(vi.statements.proposals.proposalStatus.DECLINED);
    expect(mine).toContain(vi.statements.proposals.declineReasons.TRL_TOO_LOW);
    expect(mine).toContain("Cần thí điểm thực tế trước.");
    expect((await providerB.get(`/orgs/${orgA.id}/proposals`)).status).toBe(404);
    expect(visibleText((await providerB.get(`/orgs/${orgB.id}/proposals`)).text)).not.toContain(
      "Giải pháp quyết định Alpha",
    );

    const audit = await db.auditEntry.findMany({ where: { entityId: proposal.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, JSON.parse(e.after!).status])).toEqual([
      ["proposal.created", "RECEIVED"],
      ["proposal.status_changed", "SHORTLISTED"],
      ["proposal.status_changed", "DECLINED"],
    ]);
    expect(JSON.parse(audit[2]!.before!)).toMatchObject({ status: "SHORTLISTED", declineReason: null });
    expect(JSON.parse(audit[2]!.after!)).toMatchObject({
      declineReason: "TRL_TOO_LOW",
      declineNote: "Cần thí điểm thực tế trước.",
    });
    // A declined proposal cannot move again.
    const again = await staff.post(staffPage, { intent: "decide", proposalId: proposal.id, status: "SELECTED" });
    expect(visibleText((await staff.get(again.location!)).text)).toContain(vi.statements.proposals.wrongStatus);
  });
});
