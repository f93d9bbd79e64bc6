// Staff keep the taxonomy (sectors and technologies) over HTTP: adding and
// renaming a term, a duplicate name refused, and each rename in the audit log
// with its before and after, found by an action filter that ignores case on
// both databases.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";

const server = startTestServer();
let staff: TestBrowser;

beforeAll(async () => {
  const user = await makeUser({ role: "STAFF", name: "Cán bộ Phân loại" });
  staff = server.browser();
  await staff.signIn(user.email, TEST_PASSWORD);
});

describe("taxonomy and audit log", () => {
  it("staff add and rename a term; the rename is audited with before and after and can be filtered", async () => {
    const added = await staff.post("/staff/taxonomy", {
      intent: "create",
      kind: "TECHNOLOGY",
      nameVi: "Bản sao số",
      nameEn: "Digital twin",
    });
    expect(added.status).toBe(302);
    const term = await db.taxonomyTerm.findUniqueOrThrow({
      where: { kind_slug: { kind: "TECHNOLOGY", slug: "ban-sao-so" } },
    });
    const dup = await staff.post("/staff/taxonomy", {
      intent: "create",
      kind: "TECHNOLOGY",
      nameVi: "Bản sao số",
      nameEn: "Twin",
    });
    expect(dup.status).toBe(400);
    expect(visibleText(dup.text)).toContain(vi.validation.nameTaken);

    const renamed = await staff.post("/staff/taxonomy", {
      intent: "update",
      termId: term.id,
      nameVi: "Bản sao số đô thị",
      nameEn: "Urban digital twin",
    });
    expect(renamed.status, visibleText(renamed.text).slice(0, 300)).toBe(302);
    const log = visibleText((await staff.get("/staff/audit?entity=TaxonomyTerm&action=taxonomy.updated")).text);
    expect(log).toContain("taxonomy.updated");
    expect(log).toMatch(/nameVi\s*:\s*Bản sao số\s+nameEn\s*:\s*Digital twin/);
    expect(log).toMatch(/nameVi\s*:\s*Bản sao số đô thị\s+nameEn\s*:\s*Urban digital twin/);
    expect(log).not.toContain("major_problem_list.published");
  });

  it("the action filter ignores case on both databases", async () => {
    const added = await staff.post("/staff/taxonomy", {
      intent: "create",
      kind: "SECTOR",
      nameVi: "Y tế số",
      nameEn: "Digital health",
    });
    expect(added.status).toBe(302);
    const term = await db.taxonomyTerm.findUniqueOrThrow({ where: { kind_slug: { kind: "SECTOR", slug: "y-te-so" } } });
    const renamed = await staff.post("/staff/taxonomy", {
      intent: "update",
      termId: term.id,
      nameVi: "Y tế thông minh",
      nameEn: "Smart health",
    });
    expect(renamed.status).toBe(302);
    const lower = visibleText((await staff.get("/staff/audit?entity=TaxonomyTerm&action=taxonomy.upd")).text);
    expect(lower).toContain("Y tế thông minh");
    for (const typed of ["TAXONOMY.UPD", "Taxonomy.Updated"]) {
      const log = visibleText(
        (await staff.get(`/staff/audit?entity=TaxonomyTerm&action=${encodeURIComponent(typed)}`)).text,
      );
      expect(log, typed).toContain("taxonomy.updated");
      expect(log, typed).toContain("Y tế thông minh");
    }
    const none = visibleText((await staff.get("/staff/audit?entity=TaxonomyTerm&action=TAXONOMY.DELETED")).text);
    expect(none).not.toContain("Y tế thông minh");
  });
});
