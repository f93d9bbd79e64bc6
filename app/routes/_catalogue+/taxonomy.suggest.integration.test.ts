// Sector and technology suggestions: the JSON endpoint the forms call as
// people type, and the "Gợi ý" button that works without JavaScript.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, visibleText } from "~/test-support/http";
import { makeAgency, makeProvider, statementForm } from "~/test-support/statement-factories";
import { seedTerms } from "../../../prisma/seed-taxonomy";

const server = startTestServer();
const TRAFFIC = {
  title: "Điều khiển đèn tín hiệu thích ứng",
  text: "Giảm ùn tắc giao thông tại các nút giao bằng camera đếm xe và trí tuệ nhân tạo.",
};

beforeAll(async () => {
  await db.taxonomyTerm.createMany({ data: seedTerms.map((term, sortOrder) => ({ ...term, sortOrder })) });
});

const termId = async (kind: "SECTOR" | "TECHNOLOGY", slug: string) =>
  (await db.taxonomyTerm.findUniqueOrThrow({ where: { kind_slug: { kind, slug } } })).id;

describe("GET and POST /taxonomy/suggest", () => {
  it("suggests the sector and technology a text is about, with the words that gave them away", async () => {
    const page = await server.browser().get(`/taxonomy/suggest?${new URLSearchParams(TRAFFIC)}`);
    expect(page.status).toBe(200);
    const body = JSON.parse(page.text) as {
      sectors: { slug: string; nameVi: string; evidence: string[] }[];
      technologies: { slug: string }[];
    };
    expect(body.sectors[0]).toMatchObject({ slug: "giao-thong", nameVi: "Giao thông" });
    expect(body.sectors[0]!.evidence.join(" ")).toMatch(/ùn tắc|giao thông|nút giao/);
    expect(body.technologies.map((term) => term.slug)).toContain("tri-tue-nhan-tao");

    const response = await fetch(`${server.baseUrl}/taxonomy/suggest`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        title: "Hospital appointment booking",
        text: "Patients book a doctor online; the clinic sees the queue.",
      }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { sectors: { slug: string }[] }).sectors[0]!.slug).toBe("y-te");
  });

  it("answers missing or oversized text with 400 and a message in the caller's language", async () => {
    const empty = await server.browser().get("/taxonomy/suggest?text=%20");
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.text).error.message).toBe("Cần có nội dung (tham số text hoặc title) để gợi ý");
    const english = await server.browser().get("/taxonomy/suggest?lng=en");
    expect(JSON.parse(english.text).error.message).toBe("Text (the text or title parameter) is needed for suggestions");
    const tooLong = await server.browser().post("/taxonomy/suggest", { text: "giao thông ".repeat(2_500) });
    expect(tooLong.status).toBe(400);
    expect(JSON.parse(tooLong.text).error.message).toContain("tối đa 20000 ký tự");
  });
});

describe("the Gợi ý button without JavaScript", () => {
  it("re-renders the offer form with everything typed kept and the suggested terms ticked, saving nothing", async () => {
    const owner = await makeUser();
    const provider = await makeProvider(owner.id);
    const browser = await server.signedIn(owner);
    const form = await browser.get(`/orgs/${provider.id}/offers/new`);
    expect(visibleText(form.text)).toContain("Gợi ý lĩnh vực và công nghệ");

    const page = await browser.post(`/orgs/${provider.id}/offers/new`, {
      intent: "suggest",
      titleVi: TRAFFIC.title,
      summaryVi: TRAFFIC.text,
      descriptionMd: "",
      contactName: "Chị Hoa",
    });
    expect(page.status).toBe(200);
    expect(inputValue(page.text, "titleVi")).toBe(TRAFFIC.title);
    expect(inputValue(page.text, "contactName")).toBe("Chị Hoa");
    const ticked = (id: string) =>
      (page.text.match(/<input[^>]*name="sectorIds"[^>]*>/g) ?? []).some(
        (tag) => tag.includes(`value="${id}"`) && tag.includes("checked"),
      );
    const traffic = await termId("SECTOR", "giao-thong");
    expect(ticked(traffic)).toBe(true);
    expect(ticked(await termId("SECTOR", "y-te"))).toBe(false);
    // The suggestion is marked on the form's own checkbox, not offered as a second checkbox for the same term.
    const labelOf = (id: string) => {
      const boxes = page.text.match(new RegExp(`<input[^>]*type="checkbox"[^>]*value="${id}"[^>]*>`, "g")) ?? [];
      expect(boxes).toHaveLength(1);
      const boxId = boxes[0]!.match(/id="([^"]+)"/)![1]!;
      return visibleText(page.text.match(new RegExp(`<label for="${boxId}">(.*?)</label>`))![1]!).trim();
    };
    expect(labelOf(traffic)).toMatch(/^Giao thông.*Gợi ý$/);
    expect(labelOf(await termId("SECTOR", "y-te"))).not.toContain("Gợi ý");
    const text = visibleText(page.text);
    expect(text).toContain("Các gợi ý đã được đánh dấu sẵn ở danh sách bên dưới");
    // Nobody tried to save yet, so no error summary.
    expect(text).not.toContain("Có lỗi trong biểu mẫu");
    expect(await db.offer.count({ where: { organisationId: provider.id } })).toBe(0);
  });

  it("shows a problem statement's likely sector as information, with a link to offers in it, saving nothing", async () => {
    const owner = await makeUser();
    const agency = await makeAgency(owner.id);
    const browser = await server.signedIn(owner);
    const typed = statementForm({ title: TRAFFIC.title, context: TRAFFIC.text, deliverable: "" });
    const page = await browser.post(`/orgs/${agency.id}/problems/new`, { ...typed, intent: "suggest" });
    expect(page.status).toBe(200);
    expect(inputValue(page.text, "title")).toBe(TRAFFIC.title);
    expect(page.text).toContain('href="/search?type=offer&amp;sector=giao-thong"');
    expect(visibleText(page.text)).toContain("Xem giải pháp trong lĩnh vực Giao thông");
    expect(visibleText(page.text)).not.toContain("Có lỗi trong biểu mẫu");
    expect(await db.problemStatement.count({ where: { organisationId: agency.id } })).toBe(0);
  });
});
