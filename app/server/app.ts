import { randomBytes } from "node:crypto";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import helmet from "helmet";
import { pinoHttp } from "pino-http";
import { db } from "~/db.server";
import type { Env } from "~/env.server";
import { checkoutOrigins } from "~/payments/checkout-origins";
import { searchService } from "~/search-service.server";
import { httpLogOptions, logger } from "~/utils/logger.server";
import { bodyGuard } from "./body-guard";
import { createRouteLabeler, metrics, metricsAccess, readQueues, requestMetrics } from "./metrics";
import { createReadiness } from "./readiness";
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
  // Timed from arrival, so compression and everything after count.
  // Remix's own /__manifest (lazy route discovery) matches no route of ours.
  app.use(requestMetrics(createRouteLabeler(build.routes, [...OWN_PATHS, "/__manifest"])));
  app.use(compression());
  operationsRoutes(app, env);

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

  app.use(
    pinoHttp({ logger, ...httpLogOptions, autoLogging: { ignore: (req) => req.url?.startsWith("/build/") ?? false } }),
  );
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
      publicCache: createPublicCache({
        ttlMs: env.PUBLIC_CACHE_SECONDS * 1000,
        maxBytes: env.PUBLIC_CACHE_MB * 1024 * 1024,
      }),
    }),
  );
  return app;
}

const OWN_PATHS = ["/healthz", "/readyz", "/metrics"] as const;

// Health, readiness and metrics are answered here, before the security
// headers, the request log, the body and origin guards and Remix: probes come
// every few seconds from each proxy and orchestrator, need none of that, and
// must not fill the log. None of them is ever kept by the public page cache
// (they are answered before it, with Cache-Control: no-store).
function operationsRoutes(app: express.Express, env: Env) {
  // Alive: the process answers. Depends on nothing else, so an orchestrator
  // does not restart processes because the database is down.
  app.get("/healthz", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "alive" });
  });

  // Ready: the database, search engine and upload storage answer (each within
  // 2 s), and the process is not shutting down. 503 names what failed.
  const readiness = createReadiness(db);
  app.get("/readyz", (_req, res, next) => {
    readiness().then((result) => {
      res
        .status(result.ready ? 200 : 503)
        .set("Cache-Control", "no-store")
        .json(result);
    }, next);
  });

  // Prometheus text, for METRICS_TOKEN bearers and METRICS_ALLOW addresses.
  // Without either setting it does not exist (the site's own 404).
  const access = metricsAccess(env);
  app.get("/metrics", (req, res, next) => {
    const verdict = access(req);
    if (verdict === "closed") return next();
    res.set("Cache-Control", "no-store");
    if (verdict === "no-token") {
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("Unauthorized\n");
      return;
    }
    if (verdict === "not-allowed") {
      res.status(403).type("text/plain").send("Forbidden\n");
      return;
    }
    const { registry } = metrics();
    readQueues(db)
      .then(() => registry.metrics())
      .then((text) => res.type(registry.contentType).send(text), next);
  });
}
