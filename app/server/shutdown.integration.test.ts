// Issue 17 part 5, graceful shutdown: the real server (app/server/main.ts,
// started the way npm start starts it) gets SIGTERM while a request is in
// flight. It must stop taking connections at once, finish that request,
// let its scheduler's current job end and give the job leases back, and
// exit 0 within SHUTDOWN_TIMEOUT_MS; past the bound it exits 1.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

type Server = {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<{ code: number | null; at: number }>;
};
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, SERVER_NODE_ARGS, {
    env: {
      ...process.env,
      PORT: String(port),
      LOG_LEVEL: "info",
      OPEN_DATA_AUTO_REBUILD: "false",
      DEMO_TEST_PAYMENTS: "false",
      SCHEDULER_TICK_MS: "100",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on("exit", (code) => resolve({ code, at: Date.now() })),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const up = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`server did not come up:\n${output}`);
    await sleep(100);
  }
  return { child, port, output: () => output, exit };
}

/** Connects and resolves "refused" or "connected". */
function tryConnect(port: number): Promise<"refused" | "connected"> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "ECONNREFUSED" ? "refused" : "connected"),
    );
  });
}

/**
 * A request whose body trickles in: the headers and half the body now, the
 * rest when `finish` is called. Resolves the raw HTTP answer.
 */
function slowRequest(port: number) {
  const body = JSON.stringify({
    title: "Cảm biến IoT đo chất lượng nước",
    text: "Giám sát nước sông Tô Lịch theo thời gian thực.",
  });
  const bytes = Buffer.from(body);
  const socket = net.connect(port, "127.0.0.1");
  let answer = "";
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
  const ended = new Promise<string>((resolve, reject) => {
    socket.on("close", () => resolve(answer));
    socket.on("error", reject);
  });
  const sent = new Promise<void>((resolve) =>
    socket.once("connect", () => {
      socket.write(
        `POST /taxonomy/suggest HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nConnection: keep-alive\r\n\r\n`,
      );
      socket.write(bytes.subarray(0, 20), () => resolve());
    }),
  );
  return { sent, finish: () => socket.write(bytes.subarray(20)), ended };
}

// Boots the real server and waits for its jobs; the bounds it asserts are measured inside the test.
// The suite bound is only a safety net, wide enough for CI running both databases' suites at once.
describe("graceful shutdown of the real server", { timeout: 120_000 }, () => {
  it("on SIGTERM refuses new connections, finishes the request in flight, ends its jobs and exits 0 within the bound", async () => {
    const server = await startServer({ SHUTDOWN_TIMEOUT_MS: "10000" });
    // Its scheduler is running jobs (the mail poll every 2 s at least).
    await expect.poll(() => db.jobRun.count({ where: { status: "ok" } }), { timeout: 10_000 }).toBeGreaterThan(0);
    // An idle keep-alive connection must not hold the shutdown open.
    const idle = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(idle.status).toBe(200);

    const request = slowRequest(server.port);
    await request.sent;
    await sleep(100);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    await sleep(300);

    expect(await tryConnect(server.port)).toBe("refused");
    expect(server.child.exitCode).toBeNull(); // still finishing the request

    request.finish();
    const answer = await request.ended;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toContain('"sectors"');
    // Answered during shutdown: the connection is closed after it.
    expect(answer.toLowerCase()).toContain("connection: close");

    const { code, at } = await server.exit;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(10_000);
    expect(server.output()).toContain("shut down cleanly");
    // The scheduler gave its leases back and left no run marked running.
    expect(await db.lease.count({ where: { name: { startsWith: "job:" } } })).toBe(0);
    expect(await db.jobRun.count({ where: { status: "running" } })).toBe(0);
  });

  it("exits 1 when a request is still unfinished after SHUTDOWN_TIMEOUT_MS", async () => {
    const server = await startServer({ SHUTDOWN_TIMEOUT_MS: "1500" });
    const request = slowRequest(server.port);
    await request.sent;
    await sleep(100);
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    // The body never completes.
    const { code, at } = await server.exit;
    expect(code).toBe(1);
    expect(at - signalled).toBeGreaterThanOrEqual(1_400);
    expect(at - signalled).toBeLessThan(5_000);
    expect(server.output()).toContain("shutdown took too long");
    await request.ended.catch(() => undefined);
  });
});
