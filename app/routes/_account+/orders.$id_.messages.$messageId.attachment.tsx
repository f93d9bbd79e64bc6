import type { LoaderFunctionArgs } from "@remix-run/node";
import { messageAttachmentLoader } from "~/route-actions/messages.server";
import { requireUser } from "~/utils/permissions.server";

// A PDF sent in an order's thread, for the buyer, the provider and staff only (404 for anyone else).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return messageAttachmentLoader(user, { kind: "order", id: params.id ?? "" }, params.messageId);
}
