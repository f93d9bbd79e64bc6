import { randomBytes } from "node:crypto";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import type { Env } from "~/env.server";
import { checkoutOrigins } from "~/payments/checkout-origins";
import { searchService } from "~/search.server";
import { httpLogOptions, logger } from "~/utils/logger.server";
import { bodyGuard } from "./body-guard";
import { createRequestHandler } from "./remix-handler";
import { createPublicCache } from "./public-cache";
import { originGuard } from "./security";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp: string;
  }
}

export function createApp(build: ServerBuild, env: Env) {
  const app = express();
  // req.ip (the client address every limit counts by) believes
  // X-Forwarded-For only from the proxies TRUST_PROXY names; default nobody.
  app.set("trust proxy", env.TRUST_PROXY);
  // Starts the search engine and its sync worker with the server, not on the
  // first search, so queued changes are applied straight away.
  searchService();
  const isProduction = env.NODE_ENV === "production";
  // Only a site served over https may tell browsers to upgrade and pin https;
  // the local demo runs on http://localhost.
  const servedOverHttps = isProduction && !env.APP_URL?.startsWith("http://");
  app.disable("x-powered-by");
  app.use(compression());

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", "data:"],
          connectSrc: isProduction ? ["'self'"] : ["'self'", "ws:"],
          formAction: ["'self'", ...checkoutOrigins(env)],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: servedOverHttps ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: "same-origin" },
      strictTransportSecurity: servedOverHttps,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(self)");
    next();
  });

  app.use(pinoHttp({ logger, ...httpLogOptions, autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false } }));
  app.use(originGuard(env.APP_URL ? [new URL(env.APP_URL).origin] : []));
  // Cross-site posts are refused above before a byte of their body is read;
  // every other body is bounded and checked here, once for all routes.
  app.use(bodyGuard());

  const root = process.cwd();
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  // public/ holds files (favicon.svg): only a path that names a file is looked
  // for there, so pages do not cost a disk lookup each.
  const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
      publicCache: createPublicCache({ ttlMs: env.PUBLIC_CACHE_SECONDS * 1000, maxBytes: env.PUBLIC_CACHE_MB * 1024 * 1024 }),
    }),
  );
  return app;
}
