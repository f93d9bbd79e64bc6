import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders ordinary Markdown in Vietnamese", () => {
    const html = renderMarkdown("## Tính năng\n\n- Nhận diện **biển số**\n- [Tài liệu](https://docs.example.vn)");
    expect(html).toContain("<h2>Tính năng</h2>");
    expect(html).toContain("<strong>biển số</strong>");
    expect(html).toContain('<a href="https://docs.example.vn">Tài liệu</a>');
  });

  it("drops <script>, event handlers and raw HTML", () => {
    const html = renderMarkdown(
      'Xin chào <script>alert("x")</script> <img src=x onerror="alert(1)"> <b onclick="x()">đậm</b>',
    );
    // Tags and attributes go; what was between them is left as harmless text.
    expect(html).not.toMatch(/<script|onerror|onclick|<img|<b /i);
    expect(html).toContain("Xin chào");
  });

  it("removes javascript: and data: links but keeps their text", () => {
    const html = renderMarkdown("[bấm vào đây](javascript:alert(1)) và [ảnh](data:text/html;base64,PHNjcmlwdD4=)");
    expect(html).not.toMatch(/javascript:|data:/i);
    expect(html).toContain("bấm vào đây");
  });
});
