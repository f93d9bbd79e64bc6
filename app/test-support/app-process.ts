// A real app process for tests that need more than one: the production
// build served by app/server/main.ts, started the way npm start starts it,
// in a child process of its own (its own memory, its own search index, its
// own timers), on a loopback port.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import { SERVER_NODE_ARGS } from "../../scripts/server-command";

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export class AppProcess {
  private child: ChildProcess | null = null;
  readonly baseUrl: string;

  constructor(
    readonly name: string,
    private readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
  ) {
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  /** Starts the process and resolves once it says it is ready to serve. */
  async start(timeoutMs = 60_000): Promise<void> {
    const log = fs.openSync(this.logFile, "a");
    this.child = spawn(process.execPath, SERVER_NODE_ARGS, {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`${this.name} exited while starting; see ${this.logFile}:\n${this.tail()}`);
      const ready = await fetch(`${this.baseUrl}/readyz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs} ms; see ${this.logFile}:\n${this.tail()}`);
  }

  /** SIGKILL: the process dies mid-work, with no chance to clean up. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  /** SIGTERM: the graceful stop a deploy sends. */
  async stop(): Promise<void> {
    await this.signal("SIGTERM");
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  }

  tail(lines = 40): string {
    try {
      return fs.readFileSync(this.logFile, "utf8").split("\n").slice(-lines).join("\n");
    } catch {
      return "";
    }
  }
}
