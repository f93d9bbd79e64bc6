import type { LoaderFunctionArgs } from "@remix-run/node";
import { findAttachment } from "~/models/proposal.server";
import { isStaff, requireUser } from "~/utils/permissions.server";
import { attachmentResponse } from "~/route-actions/propose.server";

// A major-problem proposal's PDF, for staff and the proposing organisation only:
// the lead agency of a major problem has no account to read it with.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const target = { listSlug: params.slug ?? "", code: params.code ?? "" };
  return attachmentResponse(await findAttachment(target, params.id ?? "", { id: user.id, isStaff: isStaff(user) }));
}
