import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll } from "vitest";
import { TEST_PASSWORD } from "./factories";

// Serves the real production build (npm run build) through the real Express
// app, on a loopback port, for the current test file's database.
export function startTestServer() {
  const state = { baseUrl: "", server: null as Server | null };
  beforeAll(async () => {
    const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
    const { createApp } = await import("~/server/app");
    const { parseEnv } = await import("~/env.server");
    const app = createApp(build, parseEnv(process.env));
    await new Promise<void>((resolve) => {
      state.server = app.listen(0, "127.0.0.1", () => resolve());
    });
    const address = state.server!.address();
    if (!address || typeof address === "string") throw new Error("server did not bind");
    state.baseUrl = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => state.server?.close(resolve));
  });
  return {
    get baseUrl() {
      return state.baseUrl;
    },
    browser: (options: { language?: "vi" | "en" } = {}) => new TestBrowser(() => state.baseUrl, options.language),
    // A browser already signed in as a user made with the factories' password.
    signedIn: async (user: { email: string }) => {
      const browser = new TestBrowser(() => state.baseUrl);
      await browser.signIn(user.email, TEST_PASSWORD);
      return browser;
    },
  };
}

export type Page = { status: number; headers: Headers; text: string; location: string | null };

// What a browser does with Set-Cookie: keep the value, or forget the cookie
// when the server expires it. Shared by the test browsers.
export function rememberCookies(cookies: Map<string, string>, headers: Headers) {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    const name = pair!.slice(0, index).trim();
    const value = pair!.slice(index + 1).trim();
    if (!value || /expires=Thu, 01 Jan 1970/i.test(line) || /max-age=0/i.test(line)) cookies.delete(name);
    else cookies.set(name, value);
  }
}

// A minimal browser: keeps cookies, sends the Origin a same-site form post
// would, and does not follow redirects so tests can assert them.
export class TestBrowser {
  private cookies = new Map<string, string>();

  constructor(private readonly base: () => string, language?: "vi" | "en") {
    if (language) this.cookies.set("lng", encodeURIComponent(btoa(JSON.stringify(language))));
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(headers: Headers) {
    rememberCookies(this.cookies, headers);
  }

  async request(
    method: string,
    pathname: string,
    init: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Page> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...init.headers };
    let body: URLSearchParams | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form);
      headers["content-type"] = "application/x-www-form-urlencoded";
      if (!("origin" in headers)) headers.origin = this.base();
    }
    const response = await fetch(this.base() + pathname, { method, headers, body, redirect: "manual" });
    this.remember(response.headers);
    const text = await response.text();
    // A NUL shows as garbage in the browser; see withoutNulBytes in entry.server.
    if (text.includes("\u0000")) throw new Error(`${method} ${pathname} returned a NUL character`);
    return {
      status: response.status,
      headers: response.headers,
      text,
      location: response.headers.get("location"),
    };
  }

  get(pathname: string, headers?: Record<string, string>) {
    return this.request("GET", pathname, { headers });
  }

  post(pathname: string, form: Record<string, string>, headers?: Record<string, string>) {
    return this.request("POST", pathname, { form, headers });
  }

  async signIn(email: string, password: string): Promise<Page> {
    const page = await this.post("/login", { email, password });
    if (page.status !== 302) throw new Error(`sign-in failed for ${email}: ${page.status}`);
    return page;
  }
}

// Text a person would read: tags dropped, entities decoded, spaces folded.
export function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

export function inputValue(html: string, name: string): string | null {
  const tag = html.match(new RegExp(`<(?:input|textarea)[^>]*name="${name}"[^>]*>`))?.[0];
  if (!tag) return null;
  if (tag.startsWith("<textarea")) {
    const after = html.slice(html.indexOf(tag) + tag.length);
    return after.slice(0, after.indexOf("</textarea>"));
  }
  return tag.match(/value="([^"]*)"/)?.[1] ?? "";
}
