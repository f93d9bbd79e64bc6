import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import smtpTester from "smtp-tester";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("sendEmail over SMTP", () => {
  let mailServer: ReturnType<typeof smtpTester.init>;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    mailServer = smtpTester.init(port);
  });
  afterAll(() => mailServer.stop(() => undefined));

  it("delivers a Vietnamese message through the configured SMTP server", async () => {
    vi.resetModules();
    vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
    vi.stubEnv("MAIL_FROM", "Sàn Giao dịch Công nghệ Hà Nội <no-reply@san.example.vn>");
    const { sendEmail } = await import("./email.server");
    const received = mailServer.captureOne("nguoi.nhan@example.vn", { wait: 5000 });
    await sendEmail({
      to: "nguoi.nhan@example.vn",
      subject: "Đặt lại mật khẩu",
      text: "Liên kết: http://localhost/reset-password/abc",
    });
    const { email } = await received;
    expect(email.headers.subject).toBe("Đặt lại mật khẩu");
    expect(email.body).toContain("http://localhost/reset-password/abc");
    expect(String(email.headers.from)).toContain("no-reply@san.example.vn");
    vi.unstubAllEnvs();
  });
});

describe("sendEmail without SMTP", () => {
  it("writes the message to the outbox folder that people and tests read", async () => {
    vi.resetModules();
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), "hte-outbox-"));
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("MAIL_OUTBOX_DIR", outbox);
    const { sendEmail } = await import("./email.server");
    await sendEmail({ to: "a@example.vn", subject: "Lời mời", text: "Xin chào" });
    const files = fs.readdirSync(outbox);
    expect(files).toHaveLength(1);
    const message = JSON.parse(fs.readFileSync(path.join(outbox, files[0]!), "utf8"));
    expect(message).toMatchObject({ to: "a@example.vn", subject: "Lời mời", text: "Xin chào" });
    vi.unstubAllEnvs();
    fs.rmSync(outbox, { recursive: true });
  });
});
