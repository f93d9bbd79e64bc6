import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import { type ThreadRef, findMessageAttachment, postMessage, threadAccess } from "~/models/message.server";
import { flash } from "~/models/session.server";
import { messageSchema } from "~/schemas/message";
import type { SessionUser } from "~/utils/permissions.server";
import { isStaff, notFound } from "~/utils/permissions.server";
import { attachmentResponse } from "~/route-actions/propose.server";
import { checkUpload, parseMultipartForm, unreadableUpload } from "~/utils/uploads.server";

// The send-a-message action shared by proposal and order threads. The routes
// only say which thread and where to go after sending.

async function readForm(request: Request): Promise<{ formData: FormData | null; tooLarge: boolean }> {
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return parseMultipartForm(request);
  // Without JavaScript and without a file the browser still sends multipart
  // (the form says so); URL-encoded posts come from scripts and tests.
  try {
    return { formData: await request.formData(), tooLarge: false };
  } catch {
    throw unreadableUpload();
  }
}

export async function messageAction(request: Request, user: SessionUser, ref: ThreadRef, afterPath: string) {
  const viewer = { id: user.id, isStaff: isStaff(user) };
  // Outsiders learn nothing, not even whether their text would have passed.
  if (!(await threadAccess(ref, viewer))) throw notFound();
  const parsed = await readForm(request);
  if (parsed.tooLarge || !parsed.formData) return json({ result: null, tooLarge: true }, { status: 413 });
  const submission = parseWithZod(parsed.formData, { schema: messageSchema });
  // The file input cannot be refilled, so a refused post keeps the text but not the file.
  const reply = (status: number, errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) =>
    json({ result: submission.reply({ ...errors, hideFields: ["attachment"] }), tooLarge: false }, { status });
  if (submission.status !== "success") return reply(400);
  const file = submission.value.attachment;
  const check = file ? await checkUpload(file, "ATTACHMENT") : null;
  if (check && !check.ok) return reply(400, { fieldErrors: { attachment: [check.error] } });
  const posted = await postMessage(viewer, ref, submission.value, check);
  if (posted.outcome === "not-found") throw notFound();
  if (posted.outcome !== "posted")
    return reply(posted.outcome === "readOnly" ? 403 : 409, { formErrors: [`messages.${posted.outcome}`] });
  return flash(request, `${afterPath}#m-${posted.messageId}`, { key: "messages.sent" });
}

export async function messageAttachmentLoader(user: SessionUser, ref: ThreadRef, messageId: string | undefined) {
  return attachmentResponse(await findMessageAttachment(ref, messageId ?? "", { id: user.id, isStaff: isStaff(user) }));
}
