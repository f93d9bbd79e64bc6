// Whether this process is shutting down. Set by the shutdown handler in
// main.ts on SIGTERM, read by /readyz: a process that is draining answers
// "not ready", so the proxy stops sending it new requests while the ones in
// flight finish. Kept on globalThis because the Express host and the Remix
// build are separate module graphs in one process.

declare global {
  var __shuttingDownSince: number | undefined;
}

/** Marks this process as shutting down (idempotent). /readyz answers 503 from now on. */
export function markShuttingDown(): void {
  globalThis.__shuttingDownSince ??= Date.now();
}

export function isShuttingDown(): boolean {
  return globalThis.__shuttingDownSince !== undefined;
}
