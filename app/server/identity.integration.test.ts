// The site's identity as a browser gets it from the built app: the favicon
// set, the logo, and the Be Vietnam Pro font files the stylesheet names,
// served from this origin and allowed by the CSP.
import { describe, expect, it } from "vitest";
import { startTestServer } from "~/test-support/http";

const server = startTestServer();

async function get(pathname: string) {
  const response = await fetch(server.baseUrl + pathname);
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    body: Buffer.from(await response.arrayBuffer()),
    headers: response.headers,
  };
}

describe("identity", () => {
  it("every page links the favicon set, and each file is served", async () => {
    const home = await server.browser().get("/");
    expect(home.text).toMatch(/<link rel="icon" href="\/favicon.svg" type="image\/svg\+xml"/);
    expect(home.text).toMatch(/<link rel="icon" href="\/favicon-32.png" type="image\/png" sizes="32x32"/);
    expect(home.text).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png"/);

    const svg = await get("/favicon.svg");
    expect(svg.status).toBe(200);
    expect(svg.type).toMatch(/^image\/svg\+xml/);
    expect(svg.body.toString()).toContain("<title");

    const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    for (const [pathname, size] of [
      ["/favicon-32.png", 32],
      ["/apple-touch-icon.png", 180],
    ] as const) {
      const png = await get(pathname);
      expect(png.status).toBe(200);
      expect(png.type).toBe("image/png");
      expect(png.body.subarray(0, 4)).toEqual(PNG);
      // IHDR width and height.
      expect([png.body.readUInt32BE(16), png.body.readUInt32BE(20)]).toEqual([size, size]);
    }
    const ico = await get("/favicon.ico");
    expect(ico.status).toBe(200);
    expect(ico.body.readUInt16LE(2)).toBe(1);
  });

  it("the logo is an SVG with a title naming the site in both languages", async () => {
    const logo = await get("/logo.svg");
    expect(logo.status).toBe(200);
    expect(logo.body.toString()).toMatch(/<title id="t">Sàn Giao dịch Công nghệ Hà Nội — Hanoi Tech Exchange<\/title>/);
  });

  it("the header shows the mark beside the site's name, which stays the link's name", async () => {
    const home = await server.browser({ language: "en" }).get("/");
    expect(home.text).toMatch(
      /<a[^>]*class="brand"[^>]*><img src="\/favicon.svg" alt="" width="32" height="32" class="brand-mark"\/>Hanoi Tech Exchange<\/a>/,
    );
  });

  it("the Be Vietnam Pro files the stylesheet names are served from this origin, Vietnamese and Latin at 400, 600 and 700", async () => {
    const home = await server.browser().get("/");
    const stylesheets = [...home.text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    let fontCss = "";
    for (const href of stylesheets) {
      const css = (await get(href)).body.toString();
      if (css.includes("@font-face")) fontCss = css;
    }
    const faces = [...fontCss.matchAll(/@font-face\s*{([^}]*)}/g)].map((m) => m[1]!);
    expect(faces).toHaveLength(6);
    const weights = faces.map((face) => /font-weight:\s*(\d+)/.exec(face)?.[1]).sort();
    expect(weights).toEqual(["400", "400", "600", "600", "700", "700"]);
    for (const face of faces) {
      // The compiler minifies the CSS (and drops the quotes).
      expect(face).toMatch(/font-family:\s*"?Be Vietnam Pro"?;/);
      expect(face).toMatch(/unicode-range:/);
      const url = /url\("?([^")]+)"?\)/.exec(face)?.[1] ?? "";
      expect(url).toMatch(/^\/build\/_assets\/be-vietnam-pro-(latin|vietnamese)-\d00-normal-[A-Z0-9]+\.woff2$/);
      const font = await get(url);
      expect(font.status).toBe(200);
      expect(font.type).toBe("font/woff2");
      expect(font.body.subarray(0, 4).toString("latin1")).toBe("wOF2");
    }
    // The CSP lets the page load fonts from its own origin.
    const csp = home.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/font-src 'self'/);
  });
});
