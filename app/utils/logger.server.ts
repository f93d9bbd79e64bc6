import { pino } from "pino";
import { env } from "~/env.server";

// Anything that can sign someone in must never reach a log file.
export const redactedPaths = [
  "password",
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.passwordHash",
  "token",
  "*.token",
  "*.tokenHash",
  "req.headers.cookie",
  "req.headers.authorization",
  'res.headers["set-cookie"]',
  "headers.cookie",
  "headers.authorization",
  "cookie",
  "*.cookie",
];

// Reset and invitation links carry a working secret in their path; keep the
// route, drop the secret, and drop query strings (they may carry tokens too).
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  return url
    .replace(/\/(reset-password|invitations)\/[^/?#]+/g, "/$1/[redacted]")
    .replace(/\?.*$/, (query) => (query.length > 1 ? "?[redacted]" : query));
}

export const httpLogOptions = {
  serializers: {
    req: (req: { id?: unknown; method?: string; url?: string }) => ({
      id: req.id,
      method: req.method,
      url: redactUrl(req.url),
    }),
  },
};

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: env.LOG_LEVEL,
      redact: { paths: redactedPaths, censor: "[redacted]" },
      base: { app: "hanoi-tech-exchange" },
    },
    destination,
  );
}

export const logger = createLogger();
