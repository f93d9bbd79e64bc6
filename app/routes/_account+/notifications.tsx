import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { listNotifications, markNotificationsRead } from "~/models/notification.server";
import { flash } from "~/models/session.server";
import { markReadSchema } from "~/schemas/notification";
import { formatDateTime } from "~/utils/format";
import { requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "curation.notifications.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ notifications: await listNotifications(user.id) });
}

// Marking is scoped to the signed-in user in the model, so another
// person's notice id marks nothing.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: markReadSchema });
  if (submission.status !== "success") throw new Response("Bad Request", { status: 400 });
  const { id } = submission.value;
  const count = await markNotificationsRead(user.id, id ? [id] : undefined);
  return flash(request, "/notifications", {
    key: count === 1 ? "curation.notifications.markedOne" : "curation.notifications.markedMany",
    params: { count: String(count) },
  });
}

export default function Notifications() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { notifications } = useLoaderData<typeof loader>();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <h1>{t("curation.notifications.title")}</h1>
      <p className="lead">{t("curation.notifications.lead")}</p>
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" className="button button-secondary">
            {t("curation.notifications.markAllRead")}
          </button>
        </Form>
      ) : null}
      {notifications.length === 0 ? (
        <p>{t("curation.notifications.none")}</p>
      ) : (
        <ul className="card-list">
          {notifications.map((n) => (
            <li key={n.id} className="card" id={`notification-${n.id}`}>
              <h2>
                {n.readAt ? null : (
                  <>
                    <span className="tag tag-green">{t("curation.notifications.unread")}</span>{" "}
                  </>
                )}
                {n.title}
              </h2>
              <p className="hint">{formatDateTime(n.createdAt, language)}</p>
              <p className="prose">{n.body}</p>
              <div>
                {n.link ? <Link to={n.link}>{t("curation.notifications.open")}</Link> : null}
                {n.readAt ? null : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={n.id} />
                    <button type="submit" className="link-button">
                      {t("curation.notifications.markRead")}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
