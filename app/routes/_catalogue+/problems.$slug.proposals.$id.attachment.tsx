import type { LoaderFunctionArgs } from "@remix-run/node";
import { findAttachment } from "~/models/proposal.server";
import { isStaff, requireUser } from "~/utils/permissions.server";
import { attachmentResponse } from "~/route-actions/propose.server";

// A proposal's PDF, for the agency, staff and the proposing organisation only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return attachmentResponse(
    await findAttachment(params.slug ?? "", params.id ?? "", { id: user.id, isStaff: isStaff(user) }),
  );
}
