// The server as `npm start` runs it, for the demo-payments tests: the real
// server entry (app/server/main.ts, on the production build) in a child
// process, with only the Stripe settings a test gives it, and browsers
// signed in to it. One module so both demo-payments files start it alike.
import { spawn, type ChildProcess } from "node:child_process";
import { freeLoopbackPort } from "./app-process";
import { TEST_PASSWORD } from "./factories";
import { TestBrowser } from "./http";

export const TEST_BANNER_VI = "Thanh toán thử nghiệm — không có tiền thật được chuyển";
export const TEST_BANNER_EN = "Test payments — no real money moves";
export const OFF_BANNER_VI = "Thanh toán trực tuyến đang tắt trên Sàn";

export type Running = {
  base: string;
  port: number;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
};

// The server as `npm start` runs it (scripts/start.ts spawns this entry),
// on this test file's database, with no Stripe settings but the ones given.
export async function startServerEntry(settings: Record<string, string>): Promise<Running> {
  const port = await freeLoopbackPort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("STRIPE_") || key === "DEMO_TEST_PAYMENTS") delete env[key];
  Object.assign(
    env,
    { PORT: String(port), APP_URL: `http://127.0.0.1:${port}`, OPEN_DATA_AUTO_REBUILD: "false", LOG_LEVEL: "warn" },
    settings,
  );
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  };
  const deadline = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode}):\n${output}`);
    const up = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not come up:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { base, port, child, output: () => output, stop };
}

export const signedIn = async (base: string, user: { email: string }, language?: "vi" | "en") => {
  const browser = new TestBrowser(() => base, language);
  await browser.signIn(user.email, TEST_PASSWORD);
  return browser;
};
