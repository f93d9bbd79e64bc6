import type { LoaderFunctionArgs } from "@remix-run/node";
import { messageAttachmentLoader } from "~/route-actions/messages.server";
import { requireUser } from "~/utils/permissions.server";

// A PDF sent in a proposal's thread, for the thread's readers only (404 for anyone else).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return messageAttachmentLoader(user, { kind: "proposal", id: params.id ?? "" }, params.messageId);
}
