import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { i18next } from "~/i18n/i18next.server";
import { readNoticeUnsubscribeToken, unsubscribeNotices } from "~/models/notice-preferences.server";

// One-click unsubscribe from one group of notice emails (or the daily
// digest), without signing in, like /unsubscribe/$token for alerts. GET only
// shows a one-button page, because mail clients and link scanners fetch
// links on their own; the POST (the button, or a mail client's RFC 8058
// List-Unsubscribe-Post) turns the group's email off. In-app notices stay.

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.title ? [{ title: data.title }] : titleMeta(matches, "notices.unsubscribe.invalidTitle");

const headers = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request);
  const parsed = readNoticeUnsubscribeToken(params.token ?? "");
  if (!parsed)
    return json(
      { state: "invalid" as const, title: t("notices.unsubscribe.invalidTitle"), scope: null },
      { status: 404, headers },
    );
  return json({ state: "confirm" as const, title: t("notices.unsubscribe.title"), scope: parsed.scope }, { headers });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const t = await i18next.getFixedT(request);
  const scope = await unsubscribeNotices(params.token ?? "");
  if (!scope)
    return json({ state: "invalid" as const, title: t("notices.unsubscribe.invalidTitle") }, { status: 404, headers });
  return json({ state: "done" as const, title: t("notices.unsubscribe.title") }, { headers });
}

export default function UnsubscribeNotices() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const state = acted?.state ?? loaded.state;
  const manage = (
    <p>
      <Link to="/account/notifications">{t("notices.unsubscribe.manage")}</Link>
    </p>
  );
  if (state === "invalid") {
    return (
      <div className="narrow">
        <h1>{t("notices.unsubscribe.invalidTitle")}</h1>
        <p>{t("notices.unsubscribe.invalid")}</p>
        {manage}
      </div>
    );
  }
  if (state === "done") {
    return (
      <div className="narrow">
        <h1>{t("notices.unsubscribe.title")}</h1>
        <div className="notice notice-success" role="status">
          {t("notices.unsubscribe.done")}
        </div>
        {manage}
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("notices.unsubscribe.title")}</h1>
      {loaded.scope === "daily" ? (
        <p>{t("notices.unsubscribe.confirmDaily")}</p>
      ) : (
        <>
          <p>{t("notices.unsubscribe.confirm")}</p>
          <p>
            <strong>{loaded.scope ? t(`notices.groups.${loaded.scope}`) : null}</strong>
          </p>
        </>
      )}
      <Form method="post">
        <button type="submit" className="button">
          {t("notices.unsubscribe.button")}
        </button>
      </Form>
    </div>
  );
}
