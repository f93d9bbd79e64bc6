// app/route-actions/ holds HTTP handlers that several routes share: they read the
// request, call a model and answer. They are not in routes/ (Remix would make
// each file a route) nor in utils/ (they are the route layer, not helpers).
import { parseWithZod } from "@conform-to/zod";
import { json } from "@remix-run/node";
import { type ProposalTarget, createProposal } from "~/models/proposal.server";
import { flash } from "~/models/session.server";
import { proposalSchema } from "~/schemas/problem-statement";
import { notFound } from "~/utils/permissions.server";
import { checkUpload, parseMultipartForm, readUpload } from "~/utils/uploads.server";

async function readForm(request: Request) {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return { formData: await request.formData(), tooLarge: false };
  return parseMultipartForm(request);
}

// The propose action shared by statements and major problems: the routes only
// decide who may reach it and which target the proposal is for.
export async function proposeAction(request: Request, userId: string, target: ProposalTarget) {
  const parsed = await readForm(request);
  if (parsed.tooLarge) return json({ result: null, tooLarge: true }, { status: 413 });
  const submission = parseWithZod(parsed.formData, { schema: proposalSchema });
  // The file input cannot be refilled, so a failed post keeps everything but the attachment.
  const reply = (errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {}) =>
    json({ result: submission.reply({ ...errors, hideFields: ["attachment"] }), tooLarge: false }, { status: 400 });
  if (submission.status !== "success") return reply();
  const file = submission.value.attachment;
  const check = file ? await checkUpload(file, "ATTACHMENT") : null;
  if (check && !check.ok) return reply({ fieldErrors: { attachment: [check.error] } });
  const { outcome, organisationId } = await createProposal(userId, target, submission.value, check);
  if (outcome === "offer-not-allowed")
    return reply({ fieldErrors: { offerId: ["statements.proposals.offerNotAllowed"] } });
  if (outcome === "duplicate") return reply({ fieldErrors: { offerId: ["statements.proposals.duplicate"] } });
  if (outcome === "closed") return reply({ formErrors: ["statements.proposals.closedNotice"] });
  return flash(request, `/orgs/${organisationId}/proposals`, { key: "statements.proposals.proposed" });
}

// Streams a proposal's PDF as a download, never inline, so a crafted file
// cannot run in the site's origin; missing records and files are both 404.
export async function attachmentResponse(attachment: { name: string; stored: string; mime: string } | null) {
  const bytes = attachment ? await readUpload(attachment.stored) : null;
  if (!attachment || !bytes) throw notFound();
  return new Response(Uint8Array.from(bytes), {
    headers: {
      "Content-Type": attachment.mime,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="proposal.pdf"; filename*=UTF-8''${encodeURIComponent(
        attachment.name,
      )}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The offer a "may fit" link preselects on a propose form (?offer=id), if the user may propose it. */
export function offerFromQuery(request: Request, offers: { id: string }[]): string | null {
  const id = new URL(request.url).searchParams.get("offer");
  return offers.some((offer) => offer.id === id) ? id : null;
}
