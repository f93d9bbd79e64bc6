import http from "node:http";
import { rememberCookies, type Page } from "./http";

// A browser on another machine: like TestBrowser (keeps cookies, sends the
// Origin a same-site form post would, follows no redirects) but its
// connections leave from a chosen loopback address (127.0.0.0/8 is all
// loopback on Linux), so the server sees a genuinely different client
// address without trusting any proxy header.
export class AddressBrowser {
  private cookies = new Map<string, string>();

  constructor(private readonly base: () => string, readonly address: string, language?: "vi" | "en") {
    if (language) this.cookies.set("lng", encodeURIComponent(btoa(JSON.stringify(language))));
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  get(pathname: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.request("GET", pathname, undefined, headers);
  }

  post(pathname: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    return this.request("POST", pathname, new URLSearchParams(form).toString(), headers);
  }

  private request(
    method: string,
    pathname: string,
    body: string | undefined,
    extra: Record<string, string>,
  ): Promise<Page> {
    const url = new URL(pathname, this.base());
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...extra };
    if (body !== undefined) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      headers["content-length"] = String(Buffer.byteLength(body));
      headers.origin ??= this.base();
    }
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          headers,
          localAddress: this.address,
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", reject);
          response.on("end", () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value])
                responseHeaders.append(name, item);
            }
            this.remember(responseHeaders);
            resolve({
              status: response.statusCode ?? 0,
              headers: responseHeaders,
              text: Buffer.concat(chunks).toString("utf8"),
              location: responseHeaders.get("location"),
            });
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  }

  private remember(headers: Headers) {
    rememberCookies(this.cookies, headers);
  }
}
