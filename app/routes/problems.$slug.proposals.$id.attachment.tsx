import type { LoaderFunctionArgs } from "@remix-run/node";
import { findAttachment } from "~/models/proposal.server";
import { isStaff, notFound, requireUser } from "~/utils/permissions.server";
import { readUpload } from "~/utils/uploads.server";

// A proposal's PDF, for the agency, staff and the proposing organisation only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const attachment = await findAttachment(params.slug ?? "", params.id ?? "", { id: user.id, isStaff: isStaff(user) });
  const bytes = attachment ? await readUpload(attachment.stored) : null;
  if (!attachment || !bytes) throw notFound();
  return new Response(Uint8Array.from(bytes), {
    headers: {
      "Content-Type": attachment.mime,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="proposal.pdf"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
