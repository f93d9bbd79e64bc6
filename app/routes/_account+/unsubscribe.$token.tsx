import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18next } from "~/i18n/i18next.server";
import { findSubscriptionByToken, unsubscribeByToken } from "~/models/subscription.server";

// One-click unsubscribe from a digest email, without signing in. GET only
// shows a one-button page, because mail clients and link scanners fetch
// links on their own; the POST (the button, or a mail client's RFC 8058
// List-Unsubscribe-Post) is what unsubscribes.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.title ? [{ title: data.title }] : titleMeta(matches, "alerts.unsubscribe.invalidTitle");

// Mail clients and bots must not index or keep these pages.
const headers = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request);
  const subscription = await findSubscriptionByToken(params.token ?? "");
  if (!subscription) {
    return json({ state: "invalid" as const, title: t("alerts.unsubscribe.invalidTitle") }, { status: 404, headers });
  }
  return json(
    {
      state: "confirm" as const,
      title: t("alerts.unsubscribe.title"),
      kind: subscription.kind,
      label: subscription.label,
    },
    { headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = await i18next.getFixedT(request);
  const done = await unsubscribeByToken(params.token ?? "");
  if (!done)
    return json({ state: "invalid" as const, title: t("alerts.unsubscribe.invalidTitle") }, { status: 404, headers });
  return json({ state: "done" as const, title: t("alerts.unsubscribe.title") }, { headers });
}

export default function Unsubscribe() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const state = acted?.state ?? loaded.state;
  if (state === "invalid") {
    return (
      <div className="narrow">
        <h1>{t("alerts.unsubscribe.invalidTitle")}</h1>
        <p>{t("alerts.unsubscribe.invalid")}</p>
        <p>
          <Link to="/account/alerts">{t("alerts.unsubscribe.manage")}</Link>
        </p>
      </div>
    );
  }
  if (state === "done") {
    return (
      <div className="narrow">
        <h1>{t("alerts.unsubscribe.title")}</h1>
        <div className="notice notice-success" role="status">
          {t("alerts.unsubscribe.done")}
        </div>
        <p>{t("alerts.unsubscribe.doneHint")}</p>
        <p>
          <Link to="/account/alerts">{t("alerts.unsubscribe.manage")}</Link>
        </p>
      </div>
    );
  }
  const confirm = loaded.state === "confirm" ? loaded : null;
  return (
    <div className="narrow">
      <h1>{t("alerts.unsubscribe.title")}</h1>
      <p>{t("alerts.unsubscribe.confirm")}</p>
      {confirm ? (
        <p>
          <strong>{`${t(`alerts.kinds.${confirm.kind}`)}${confirm.label ? `: ${confirm.label}` : ""}`}</strong>
        </p>
      ) : null}
      <Form method="post">
        <button type="submit" className="button">
          {t("alerts.unsubscribe.button")}
        </button>
      </Form>
    </div>
  );
}
