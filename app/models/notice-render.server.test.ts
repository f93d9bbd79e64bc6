import { describe, expect, it } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { NOTICE_GROUPS, NOTICE_KINDS, type NoticeKind } from "./notice-kinds";
import {
  escapeHtml,
  plainTextHtml,
  renderDailyDigestEmail,
  renderNotice,
  renderNoticeEmail,
} from "./notice-render.server";

const kinds = Object.keys(NOTICE_KINDS) as NoticeKind[];

describe("the notice kinds registry", () => {
  it("has a title, body and next step in both languages for every kind, using only the kind's declared values", () => {
    for (const kind of kinds) {
      for (const catalogue of [vi, en]) {
        const texts = catalogue.notices.kinds[kind];
        expect(texts, kind).toBeDefined();
        for (const part of ["title", "body", "action"] as const) {
          expect(texts[part].trim(), `${kind}.${part}`).not.toBe("");
          const used = [...texts[part].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
          for (const name of used)
            expect(NOTICE_KINDS[kind].values, `${kind}.${part} uses {{${name}}}`).toContain(name);
        }
      }
    }
    expect(Object.keys(vi.notices.kinds).sort()).toEqual([...kinds].sort());
    for (const group of NOTICE_GROUPS) expect(en.notices.groups[group]).toBeTruthy();
  });
});

describe("renderNotice", () => {
  it("writes in the reader's language, formats money and translates `…Key` values", () => {
    const values = { offer: "Bản đồ ngập", package: "Gói năm", buyer: "Sở Xây dựng", amountVnd: 1_500_000, id: "o1" };
    const viText = renderNotice("order.paid", values, "vi");
    const enText = renderNotice("order.paid", values, "en");
    expect(viText.body).toBe(
      "Sở Xây dựng đã thanh toán 1.500.000\u00A0₫ cho gói “Gói năm” của giải pháp “Bản đồ ngập”. Mã đơn hàng: o1.",
    );
    expect(enText.body).toBe(
      "Sở Xây dựng has paid ₫1,500,000 for the package “Gói năm” of “Bản đồ ngập”. Order reference: o1.",
    );
    const declined = { statement: "S", offer: "O", reasonKey: "notices.groups.money" };
    expect(renderNotice("proposal.declined", declined, "en").body).toContain("Reason: Orders and payments");
    expect(renderNotice("proposal.declined", declined, "vi").body).toContain("Lý do: Đơn hàng và thanh toán");
  });

  it("names an offer by its English title for an English reader, and keeps the Vietnamese one otherwise", () => {
    const values = { offer: "Bản đồ ngập", offerEn: "Flood maps", reason: "Thiếu ảnh" };
    expect(renderNotice("offer.changes_requested", values, "en").title).toContain("“Flood maps”");
    expect(renderNotice("offer.changes_requested", values, "en").body).not.toContain("Bản đồ ngập");
    expect(renderNotice("offer.changes_requested", values, "vi").title).toContain("“Bản đồ ngập”");
    expect(renderNotice("offer.changes_requested", values, "vi").body).not.toContain("Flood maps");
    // Not translated yet: the English reader sees the only title there is.
    const untranslated = renderNotice("offer.changes_requested", { ...values, offerEn: "" }, "en");
    expect(untranslated.title).toContain("“Bản đồ ngập”");
  });

  it("never shows a placeholder for a value left out, and keeps user text as typed (no HTML entities in plain text)", () => {
    const text = renderNotice("proposal.declined", { statement: "A & B <c>", offer: "O" }, "vi");
    expect(text.body).not.toContain("{{");
    expect(text.body).toContain("A & B <c>");
    expect(text.body.endsWith("\n")).toBe(false);
  });
});

describe("renderNoticeEmail", () => {
  const input = (language: "vi" | "en") => ({
    language,
    name: "Tom <script>alert(1)</script>",
    group: "questions" as const,
    notice: renderNotice(
      "question.asked",
      { statement: "Ngập <b>lụt</b> & “bọt biển”", question: 'Có dùng được "IoT" không?' },
      language,
    ),
    actionUrl: "http://localhost/problems/ngap?x=1&y=2",
    unsubscribeUrl: "http://localhost/unsubscribe/notices/u.questions.sig",
    manageUrl: "http://localhost/account/notifications",
  });

  it("has a plain-text and an HTML part in one language, with the action link and an unsubscribe link", () => {
    const email = renderNoticeEmail(input("en"));
    expect(email.subject).toBe("New question about “Ngập <b>lụt</b> & “bọt biển””");
    expect(email.text).toContain("Hello Tom <script>alert(1)</script>,");
    expect(email.text).toContain("Read and answer the question: http://localhost/problems/ngap?x=1&y=2");
    expect(email.text).toContain("Stop emails of this group: http://localhost/unsubscribe/notices/u.questions.sig");
    expect(email.text).not.toMatch(/Xin chào|Câu hỏi/);
    expect(email.html).toContain('<a href="http://localhost/problems/ngap?x=1&amp;y=2"');
    expect(email.html).toContain('href="http://localhost/unsubscribe/notices/u.questions.sig"');
    const viEmail = renderNoticeEmail(input("vi"));
    expect(viEmail.text).toContain("Xin chào Tom");
    expect(viEmail.text).not.toMatch(/Hello|Read and answer/);
  });

  it("escapes everything user-supplied in the HTML", () => {
    const { html } = renderNoticeEmail(input("vi"));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>lụt</b>");
    expect(html).toContain("Tom &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Ngập &lt;b&gt;lụt&lt;/b&gt; &amp; “bọt biển”");
    expect(html).toContain("Có dùng được &quot;IoT&quot; không?");
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("carries RFC 8058 one-click unsubscribe headers for its group", () => {
    const { headers } = renderNoticeEmail(input("vi"));
    expect(headers).toEqual({
      "List-Unsubscribe": "<http://localhost/unsubscribe/notices/u.questions.sig>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });
});

describe("digest emails", () => {
  it("list each notice with its link, in the reader's language, escaped in HTML", () => {
    const email = renderDailyDigestEmail({
      language: "en",
      name: "An",
      entries: [
        { title: "T <1>", body: "B & C", actionUrl: "http://localhost/a", action: "Open" },
        { title: "T2", body: "B2", actionUrl: "http://localhost/b", action: "Open" },
      ],
      unsubscribeUrl: "http://localhost/unsubscribe/notices/u.daily.s",
      manageUrl: "http://localhost/account/notifications",
    });
    expect(email.subject).toBe("Daily digest: 2 new notices");
    expect(email.text).toContain("Open: http://localhost/a");
    expect(email.html).toContain("T &lt;1&gt;");
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(plainTextHtml("vi", "Bản tin <x>", "Xem http://localhost/a?b=1&c=2\n\n<i>hết</i>")).toContain(
      '<a href="http://localhost/a?b=1&amp;c=2"',
    );
    expect(plainTextHtml("vi", "Bản tin <x>", "<i>hết</i>")).not.toContain("<i>");
  });
});
