// Hostile bodies are refused before any route parses them: in milliseconds,
// with a 4xx in the visitor's language, while other visitors are served.
import net from "node:net";
import { describe, expect, it } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { db } from "~/db.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { makeAgency, makeOffer, makeProvider, makeStatement, pdfBytes } from "~/test-support/statement-factories";
import { MAX_ONE_FILE_FORM_BYTES } from "~/utils/uploads.server";
import { startTestServer } from "~/test-support/http";
import { bodyLimits } from "./body-guard";

const server = startTestServer();
const MB = 1024 * 1024;
const form = { "content-type": "application/x-www-form-urlencoded" };

type RawAnswer = { status: number; headers: string; body: string; closed: boolean; reset: boolean };

// Sends bytes over one socket and reads one answer, so a test can see what a
// keep-alive client sees: the status, the headers, and whether the server
// closed the connection after it.
function raw(head: string, body: (socket: net.Socket) => void = () => {}): Promise<RawAnswer> {
  const { port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    let received = "";
    let closed = false;
    let reset = false;
    socket.on("error", () => (reset = true));
    socket.on("data", (chunk) => (received += chunk.toString("utf8")));
    socket.on("close", () => {
      closed = true;
      finish();
    });
    const timer = setTimeout(finish, 8_000);
    function finish() {
      clearTimeout(timer);
      socket.destroy();
      const [headers = "", rest = ""] = received.split("\r\n\r\n");
      const status = Number(headers.split(" ")[1]);
      if (!status) return reject(new Error(`no answer: ${JSON.stringify(received.slice(0, 200))}`));
      resolve({ status, headers, body: rest, closed, reset });
    }
    socket.write(head);
    body(socket);
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe("bounded form parsing", () => {
  const sparse = "email=a%40b.vn&password=x&x%5B99999999%5D=1";

  it("refuses the 43-byte sparse-index sign-in in milliseconds while others are served", async () => {
    expect(sparse.length).toBe(43);
    const attack = timed(() => fetch(`${server.baseUrl}/login`, { method: "POST", headers: form, body: sparse }));
    const home = timed(() => fetch(`${server.baseUrl}/`));
    const [{ value: refused, ms }, { value: page }] = await Promise.all([attack, home]);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("x[99999999]");
    expect(ms).toBeLessThan(1_000);
    expect(page.status).toBe(200);
  });

  it.each(["/signup", "/forgot-password", "/account", "/account/alerts", "/logout", "/language"])(
    "refuses a sparse index on %s before the route runs",
    async (path) => {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: "POST",
        headers: form,
        body: "a=1&packages%5B99999999%5D.price=1",
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toBe(vi.requestGuard.badFieldName.replace("{{name}}", "packages[99999999].price"));
    },
  );

  it("refuses signed-in forms the same way (the account page)", async () => {
    const user = await makeUser();
    await makeOrganisation(user.id);
    const browser = await server.signedIn(user);
    const page = await browser.post("/account", { name: "Tên mới", "x[100000]": "1" });
    expect(page.status).toBe(400);
  });

  it("refuses a form with too many fields, and prototype-polluting names", async () => {
    const many = Array.from({ length: bodyLimits.maxFields + 1 }, (_, i) => `f${i}=1`).join("&");
    const tooMany = await fetch(`${server.baseUrl}/login`, { method: "POST", headers: form, body: many });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain(String(bodyLimits.maxFields));
    for (const name of ["__proto__[admin]", "constructor[prototype][x]", "a.__proto__.b"]) {
      const response = await fetch(`${server.baseUrl}/login`, {
        method: "POST",
        headers: form,
        body: `email=a%40b.vn&${encodeURIComponent(name)}=1`,
      });
      expect(response.status, name).toBe(400);
    }
  });

  it("lets honest indexed fields through to the form's own checks", async () => {
    const response = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: form,
      body: "email=a%40b.vn&password=sai&x%5B3%5D=1",
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(vi.validation.invalidCredentials);
  });

  it("answers in English for a visitor who chose English", async () => {
    const cookie = `lng=${encodeURIComponent(btoa(JSON.stringify("en")))}`;
    const response = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { ...form, cookie },
      body: sparse,
    });
    expect(await response.text()).toBe(en.requestGuard.badFieldName.replace("{{name}}", "x[99999999]"));
  });
});

describe("body size limits", () => {
  it("refuses a declared 200 MB form at once, and closes the connection cleanly", async () => {
    const { value: answer, ms } = await timed(() =>
      raw(
        `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${
          200 * MB
        }\r\n\r\nemail=`,
      ),
    );
    expect(answer.status).toBe(413);
    expect(answer.headers).toMatch(/connection: close/i);
    expect(answer.body).toContain("1 MB");
    expect(answer.closed).toBe(true);
    expect(ms).toBeLessThan(2_000);
  });

  it("stops reading a chunked form as soon as it passes 1 MB", async () => {
    const answer = await raw(
      "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
      (socket) => {
        const chunk = Buffer.alloc(256 * 1024, "a");
        // 1.25 MB, then the client stalls as an attacker would: the answer must not wait for the end.
        for (let i = 0; i < 5; i += 1) socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`);
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.closed).toBe(true);
  });

  it("reads a modestly oversized body to its end before answering, so the sender sees the 413, not a reset", async () => {
    const size = bodyLimits.formBytes + 100 * 1024;
    const answer = await raw(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${size}\r\n\r\n`,
      (socket) => socket.write(Buffer.alloc(size, "a")),
    );
    expect(answer.status).toBe(413);
    expect(answer.reset).toBe(false);
    expect(answer.closed).toBe(true);
  });

  it("keeps a keep-alive client's next request intact after an early 413", async () => {
    // A real client (undici) on one pooled connection: the refused upload,
    // then an ordinary page. The second answer must be a page, not a reset.
    const big = new Uint8Array(bodyLimits.formBytes + 1);
    const refused = await fetch(`${server.baseUrl}/login`, { method: "POST", headers: form, body: big });
    expect(refused.status).toBe(413);
    const next = await fetch(`${server.baseUrl}/login`);
    expect(next.status).toBe(200);
  });

  it("refuses a multipart form over the total cap before reading it, whatever each part's size", async () => {
    // Twelve 9 MB parts: each under the per-file cap, together far over the form's.
    const declared = 12 * 9 * MB + 2_000;
    const answer = await raw(
      `POST /problems/any/propose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: ${declared}\r\n\r\n--xyz\r\n`,
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toContain(`${bodyLimits.multipartBytes / MB} MB`);
  });

  it("refuses a proposal with extra 9 MB parts by the form's own total, and saves nothing", async () => {
    const agencyUser = await makeUser();
    const agency = await makeAgency(agencyUser.id);
    const statement = await makeStatement(agency.id, agencyUser.id, { status: "PUBLISHED" });
    const providerUser = await makeUser();
    const provider = await makeProvider(providerUser.id);
    const offer = await makeOffer(provider.id);
    const browser = await server.signedIn(providerUser);
    const body = new FormData();
    body.set("offerId", offer.id);
    body.set("pitch", "Đề xuất kèm tệp rác");
    body.set("attachment", new Blob([Uint8Array.from(pdfBytes())], { type: "application/pdf" }), "de-xuat.pdf");
    // Three extra parts: 27 MB, under the 40 MB backstop but over a proposal's total.
    for (let i = 0; i < 3; i += 1) body.append(`extra${i}`, new Blob([new Uint8Array(9 * MB)]), `rac-${i}.bin`);
    const response = await fetch(`${server.baseUrl}/problems/${statement.slug}/propose`, {
      method: "POST",
      body,
      headers: { cookie: browser.cookieHeader(), origin: server.baseUrl },
      redirect: "manual",
    });
    expect(response.status).toBe(413);
    expect(MAX_ONE_FILE_FORM_BYTES).toBeLessThan(27 * MB);
    expect(await db.proposal.count({ where: { problemStatementId: statement.id } })).toBe(0);
  });

  it("stops a chunked multipart upload when it passes the cap while streaming", async () => {
    const answer = await raw(
      "POST /problems/any/propose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=xyz\r\nTransfer-Encoding: chunked\r\n\r\n",
      (socket) => {
        const head =
          '--xyz\r\nContent-Disposition: form-data; name="attachment"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n';
        socket.write(`${Buffer.byteLength(head).toString(16)}\r\n${head}\r\n`);
        const chunk = Buffer.alloc(MB, "a");
        let sent = 0;
        const pump = () => {
          while (sent < 45 && !socket.destroyed) {
            sent += 1;
            if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk.toString()}\r\n`))
              return socket.once("drain", pump);
          }
        };
        pump();
      },
    );
    expect(answer.status).toBe(413);
  });

  it("refuses an oversized Stripe webhook before checking its signature", async () => {
    const response = await fetch(`${server.baseUrl}/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=bad" },
      body: JSON.stringify({ pad: "x".repeat(bodyLimits.webhookBytes) }),
    });
    expect(response.status).toBe(413);
  });
});

describe("wrong content types and broken forms", () => {
  it.each([
    ["JSON", "application/json", '{"email":"a@b.vn"}'],
    ["plain text", "text/plain", "email=a@b.vn"],
    ["XML", "application/xml", "<login/>"],
    ["an unparseable type", "text/", "x"],
  ])("answers %s sent to a form with 415 and the accepted types", async (_label, type, body) => {
    const response = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { "content-type": type },
      body,
    });
    expect(response.status).toBe(415);
    expect(response.headers.get("accept-post")).toContain("multipart/form-data");
    expect(await response.text()).toBe(vi.requestGuard.unsupportedType);
  });

  it("takes JSON only where an endpoint reads it, bounded like a form", async () => {
    const suggest = await fetch(`${server.baseUrl}/taxonomy/suggest`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Đặt lịch khám bệnh" }),
    });
    expect(suggest.status).toBe(200);
    const huge = await fetch(`${server.baseUrl}/taxonomy/suggest`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "x".repeat(bodyLimits.formBytes) }),
    });
    expect(huge.status).toBe(413);
  });

  it("answers multipart without a boundary, or cut off, with 400", async () => {
    const noBoundary = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "x",
    });
    expect(noBoundary.status).toBe(400);
    expect(await noBoundary.text()).toBe(vi.requestGuard.malformed);
    const cutOff = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.vn\r\n--xy',
    });
    expect(cutOff.status).toBe(400);
  });

  it("answers a multipart form whose file name the form reader cannot parse with 400, not 500", async () => {
    for (const filename of ['\\"quoted\\".png', '"quoted".png']) {
      const body = `--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.vn\r\n--xyz\r\nContent-Disposition: form-data; name="f"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\nx\r\n--xyz--\r\n`;
      const response = await fetch(`${server.baseUrl}/login`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=xyz" },
        body,
      });
      expect(response.status, filename).toBe(400);
      expect(await response.text()).toContain(vi.requestGuard.malformed);
    }
  });

  it("refuses a NUL character in a form value, in either encoding", async () => {
    const encoded = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: form,
      body: "email=a%00b%40b.vn&password=x",
    });
    expect(encoded.status).toBe(400);
    expect(await encoded.text()).toBe(vi.requestGuard.nulCharacter);
    const body = new FormData();
    body.set("email", "a\u0000@b.vn");
    const multipart = await fetch(`${server.baseUrl}/login`, { method: "POST", body });
    expect(multipart.status).toBe(400);
  });

  it("passes a well-formed multipart sign-in through to the form", async () => {
    const body = new FormData();
    body.set("email", "a@b.vn");
    body.set("password", "sai");
    const response = await fetch(`${server.baseUrl}/login`, { method: "POST", body });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(vi.validation.invalidCredentials);
  });

  it("reads an empty post with no type as an empty form, not a crash", async () => {
    const response = await fetch(`${server.baseUrl}/login`, { method: "POST" });
    expect(response.status).toBe(400);
    const webhook = await fetch(`${server.baseUrl}/webhooks/stripe`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "{}",
    });
    expect(webhook.status).toBe(415);
  });
});

describe("origin and host", () => {
  it("accepts a post from the configured APP_URL when a proxy rewrote Host", async () => {
    const answer = await raw(
      "POST /login HTTP/1.1\r\nHost: internal-app:3000\r\nOrigin: http://localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 29\r\nConnection: close\r\n\r\nemail=a%40b.vn&password=saiii",
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toContain(vi.validation.invalidCredentials);
  });

  it("refuses another site's origin with 403, and a forged X-Forwarded-Host changes nothing", async () => {
    const foreign = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { ...form, origin: "https://evil.example" },
      body: "email=a",
    });
    expect(foreign.status).toBe(403);
    const forged = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { ...form, origin: server.baseUrl, "x-forwarded-host": "evil.example" },
      body: "email=a%40b.vn&password=sai",
    });
    expect(forged.status).toBe(400);
  });
});
