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
