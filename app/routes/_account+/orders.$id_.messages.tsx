import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MessageThread } from "~/components/message-thread";
import { openThread } from "~/models/message.server";
import { messageAction } from "~/route-actions/messages.server";
import { isStaff, notFound, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches, params }) => {
  const t = metaT(matches);
  return [{ title: withSiteName(t, t("messages.orderTitle", { id: params.id ?? "" })) }];
};

// The order page (/orders/$id) shows this thread and posts here; this page
// is where a refused message comes back with its text, and a plain view of
// the thread. Buyer and provider write; staff read; anyone else gets 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const thread = await openThread({ kind: "order", id: params.id ?? "" }, { id: user.id, isStaff: isStaff(user) });
  if (!thread) throw notFound();
  return json({ orderId: params.id!, thread }, { headers: { "Cache-Control": "private, no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return messageAction(request, user, { kind: "order", id: params.id ?? "" }, `/orders/${params.id ?? ""}`);
}

export default function OrderMessages() {
  const { t } = useTranslation();
  const { orderId, thread } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <p>
        <Link to={`/orders/${orderId}`}>{t("messages.backToOrder")}</Link>
      </p>
      <h1>{t("messages.orderTitle", { id: orderId })}</h1>
      <MessageThread thread={thread} action={`/orders/${orderId}/messages`} actionData={actionData} />
    </div>
  );
}
