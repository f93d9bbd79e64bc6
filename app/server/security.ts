import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Webhooks are called by other services (e.g. Stripe) and carry their own
// signatures instead of a browser origin.
export const WEBHOOK_PREFIX = "/webhooks/";

// Blocks cross-site form posts (CSRF): a state-changing request must come
// from a page of this site. Browsers send Sec-Fetch-Site and/or Origin;
// clients that send neither (curl, server-to-server) carry no ambient cookie risk.
export function isCrossSiteWrite(req: Pick<Request, "method" | "path" | "headers">, allowedOrigins: string[]): boolean {
  if (SAFE_METHODS.has(req.method) || req.path.startsWith(WEBHOOK_PREFIX)) return false;
  const fetchSite = req.headers["sec-fetch-site"];
  if (typeof fetchSite === "string" && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = req.headers.origin;
  if (typeof origin === "string") {
    if (origin === "null") return true;
    const host = req.headers.host;
    const ownOrigins = host ? [`http://${host}`, `https://${host}`, ...allowedOrigins] : allowedOrigins;
    return !ownOrigins.includes(origin);
  }
  return false;
}

export function originGuard(allowedOrigins: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isCrossSiteWrite(req, allowedOrigins)) {
      res
        .status(403)
        .type("text/plain; charset=utf-8")
        .send("Yêu cầu bị từ chối: không đến từ trang của Sàn. / Request refused: cross-site.");
      return;
    }
    next();
  };
}
