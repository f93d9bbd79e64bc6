// Setting a major problem's owner and deadline in the staff item form:
// saved, audited, refused with a clear message when wrong.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { makeList, makeProblem } from "~/test-support/tracking-factories";

const server = startTestServer();

let staff: TestBrowser;
let curator: Awaited<ReturnType<typeof makeUser>>;
let owner: Awaited<ReturnType<typeof makeUser>>;
let problem: Awaited<ReturnType<typeof makeProblem>>;
let path = "";

beforeAll(async () => {
  curator = await makeUser({ role: "STAFF" });
  owner = await makeUser({ role: "ADMIN", name: "Trần Văn Chủ Trì" });
  const list = await makeList(curator.id);
  problem = await makeProblem(curator.id, list.id, "BT-09", { title: "Ngập úng nội đô" });
  path = `/staff/major-problems/${list.id}/items/${problem.id}`;
  staff = await server.signedIn(curator);
});

const form = (overrides: Record<string, string>) => ({
  code: "BT-09",
  title: "Ngập úng nội đô",
  description: "Mô tả bài toán.",
  sectorId: "",
  leadAgency: "Sở chủ trì BT-09",
  priority: "HIGH",
  status: "OPEN",
  ownerId: "",
  deadline: "",
  ...overrides,
});

describe("owner and deadline of a major problem", () => {
  it("the edit form offers staff members only as owners", async () => {
    const plainUser = await makeUser({ name: "Người Dùng Thường" });
    const page = await staff.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<option value="${owner.id}">Trần Văn Chủ Trì</option>`);
    expect(page.text).not.toContain(plainUser.id);
    expect(page.text).toMatch(/type="date"[^>]*name="deadline"|name="deadline"[^>]*type="date"/);
  });

  it("saves both, stores the deadline as the end of that day in Hanoi, and audits the change", async () => {
    const response = await staff.post(path, form({ ownerId: owner.id, deadline: "2027-03-31" }));
    expect(response.status, response.text.slice(0, 300)).toBe(302);
    const saved = await db.majorProblem.findUniqueOrThrow({ where: { id: problem.id } });
    expect(saved.ownerId).toBe(owner.id);
    expect(saved.deadline!.toISOString()).toBe("2027-03-31T16:59:59.999Z");
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: problem.id, action: "major_problem.updated" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.actorId).toBe(curator.id);
    expect(JSON.parse(audit.before!)).toEqual({ ownerId: null, deadline: null });
    expect(JSON.parse(audit.after!)).toEqual({ ownerId: owner.id, deadline: "2027-03-31T16:59:59.999Z" });
    // The form shows the Hanoi date back, not the UTC one.
    expect(inputValue((await staff.get(path)).text, "deadline")).toBe("2027-03-31");
  });

  it("refuses a non-staff owner and an impossible date in Vietnamese, keeping what was typed", async () => {
    const plainUser = await makeUser();
    const before = await db.majorProblem.findUniqueOrThrow({ where: { id: problem.id } });
    const wrongOwner = await staff.post(
      path,
      form({ ownerId: plainUser.id, deadline: "2027-04-15", title: "Ngập úng nội đô (sửa)" }),
    );
    expect(wrongOwner.status).toBe(400);
    expect(visibleText(wrongOwner.text)).toContain("Cán bộ phụ trách phải là cán bộ HiHUB.");
    expect(inputValue(wrongOwner.text, "title")).toBe("Ngập úng nội đô (sửa)");
    expect(inputValue(wrongOwner.text, "deadline")).toBe("2027-04-15");

    const badDate = await staff.post(path, form({ ownerId: owner.id, deadline: "2027-02-30" }));
    expect(badDate.status).toBe(400);
    expect(visibleText(badDate.text)).toContain("Nhập ngày theo dạng năm-tháng-ngày");
    // Nothing half-saved.
    expect(await db.majorProblem.findUniqueOrThrow({ where: { id: problem.id } })).toEqual(before);
  });

  it("clears both when the fields are emptied", async () => {
    expect((await staff.post(path, form({}))).status).toBe(302);
    expect(await db.majorProblem.findUniqueOrThrow({ where: { id: problem.id } })).toMatchObject({
      ownerId: null,
      deadline: null,
    });
  });

  it("is for staff only", async () => {
    const outsider = await server.signedIn(await makeUser());
    expect((await outsider.post(path, form({ ownerId: owner.id, deadline: "2027-03-31" }))).status).toBe(403);
  });
});
