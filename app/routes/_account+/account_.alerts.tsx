import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, translateError } from "~/components/form";
import { i18next } from "~/i18n/i18next.server";
import { listOrganisationsForUser } from "~/models/organisation.server";
import { flash } from "~/models/session.server";
import {
  deleteSubscription,
  followMatches,
  followSector,
  listSubscriptions,
  matchKindFor,
  saveSearch,
  type SubscribeOutcome,
} from "~/models/subscription.server";
import { listTerms } from "~/models/taxonomy.server";
import { deleteAlertSchema, followMatchesSchema, followSectorSchema, saveSearchSchema } from "~/schemas/alerts";
import { formatDate } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.metaTitle ? [{ title: data.metaTitle }] : titleMeta(matches, "alerts.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, subscriptions, sectors, memberships] = await Promise.all([
    i18next.getFixedT(request),
    listSubscriptions(user.id),
    listTerms("SECTOR"),
    listOrganisationsForUser(user.id),
  ]);
  const matchOptions = memberships.flatMap(({ organisation }) => {
    const kind = matchKindFor(organisation.kind);
    if (!kind) return [];
    const on = subscriptions.some((s) => s.kind === kind && s.organisationId === organisation.id);
    return [{ organisationId: organisation.id, name: organisation.name, kind, on }];
  });
  return json({
    metaTitle: t("alerts.metaTitle"),
    subscriptions: subscriptions.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: s.label,
      query: s.query,
      lastSentAt: s.lastSentAt,
    })),
    sectors: sectors.map((term) => ({ slug: term.slug, nameVi: term.nameVi, nameEn: term.nameEn })),
    matchOptions,
  });
}

const created = (request: Request, outcome: SubscribeOutcome) =>
  flash(request, "/account/alerts", {
    key: outcome.status === "created" ? "alerts.flash.created" : "alerts.flash.exists",
  });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "save-search": {
      const submission = parseWithZod(formData, { schema: saveSearchSchema });
      const outcome = submission.status === "success" ? await saveSearch(user.id, submission.value.query) : null;
      if (!outcome)
        return json({ form: "other" as const, message: "alerts.validation.searchInvalid" }, { status: 400 });
      return created(request, outcome);
    }
    case "follow-matches": {
      const submission = parseWithZod(formData, { schema: followMatchesSchema });
      const outcome =
        submission.status === "success" ? await followMatches(user.id, submission.value.organisationId) : null;
      // Not a member, or no such organisation: the same answer, so ids cannot be probed.
      if (!outcome) throw notFound();
      return created(request, outcome);
    }
    case "delete": {
      const submission = parseWithZod(formData, { schema: deleteAlertSchema });
      const deleted = submission.status === "success" && (await deleteSubscription(user.id, submission.value.id));
      if (!deleted) return json({ form: "other" as const, message: "alerts.validation.notFound" }, { status: 404 });
      return flash(request, "/account/alerts", { key: "alerts.flash.deleted" });
    }
    default: {
      const submission = parseWithZod(formData, { schema: followSectorSchema });
      if (submission.status !== "success")
        return json({ form: "sector" as const, result: submission.reply() }, { status: 400 });
      const outcome = await followSector(user.id, submission.value.sectorSlug);
      if (!outcome) {
        return json(
          {
            form: "sector" as const,
            result: submission.reply({ fieldErrors: { sectorSlug: ["alerts.validation.sectorUnknown"] } }),
          },
          { status: 400 },
        );
      }
      return created(request, outcome);
    }
  }
}

export default function Alerts() {
  const { t, i18n } = useTranslation();
  const { subscriptions, sectors, matchOptions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "follow-sector",
    lastResult: actionData?.form === "sector" ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: followSectorSchema }),
  });
  const english = i18n.language === "en";
  const sectorName = (slug: string | null, fallback: string | null) => {
    const term = sectors.find((s) => s.slug === slug);
    return term ? (english ? term.nameEn : term.nameVi) : fallback ?? "";
  };
  const nameOf = (s: (typeof subscriptions)[number]) =>
    s.kind === "SECTOR"
      ? sectorName(null, s.label)
      : s.label ?? (s.kind === "SAVED_SEARCH" ? t("alerts.allResults") : "");
  return (
    <div className="narrow">
      <p>
        <Link to="/account">{t("account.title")}</Link>
      </p>
      <h1>{t("alerts.title")}</h1>
      <p className="lead">{t("alerts.lead")}</p>
      {actionData?.form === "other" ? (
        <div className="notice notice-error" role="alert">
          {translateError(t, actionData.message)}
        </div>
      ) : null}

      <h2>{t("alerts.listTitle")}</h2>
      {subscriptions.length === 0 ? (
        <p>{t("alerts.none")}</p>
      ) : (
        <ul className="card-list">
          {subscriptions.map((s) => (
            <li key={s.id} className="card">
              <h3>{`${t(`alerts.kinds.${s.kind}`)}: ${nameOf(s)}`}</h3>
              <p className="hint">
                {s.lastSentAt
                  ? t("alerts.lastSent", { date: formatDate(s.lastSentAt, english ? "en" : "vi") })
                  : t("alerts.neverSent")}
              </p>
              {s.kind === "SAVED_SEARCH" ? (
                <p>
                  <Link to={`/search${s.query ?? ""}`}>{t("alerts.viewSearch")}</Link>
                </p>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={s.id} />
                <button
                  type="submit"
                  className="button button-secondary"
                  aria-label={t("alerts.deleteLabel", { name: nameOf(s) })}
                >
                  {t("alerts.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}

      <h2>{t("alerts.followSectorTitle")}</h2>
      <ErrorSummary fields={{ sectorSlug: fields.sectorSlug }} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="follow-sector" />
        <SelectField
          field={fields.sectorSlug}
          label={t("alerts.sector")}
          hint={t("alerts.sectorHint")}
          options={[
            { value: "", label: t("alerts.sectorChoose") },
            ...sectors.map((s) => ({ value: s.slug, label: english ? s.nameEn : s.nameVi })),
          ]}
        />
        <button type="submit" className="button">
          {t("alerts.follow")}
        </button>
      </Form>

      <h2>{t("alerts.matchesTitle")}</h2>
      {matchOptions.length === 0 ? (
        <p>{t("alerts.matchesNone")}</p>
      ) : (
        <ul className="plain-list">
          {matchOptions.map((option) => (
            <li key={`${option.organisationId}-${option.kind}`}>
              {option.on ? (
                <p>{t("alerts.alreadyOn", { kind: t(`alerts.kinds.${option.kind}`), organisation: option.name })}</p>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="follow-matches" />
                  <input type="hidden" name="organisationId" value={option.organisationId} />
                  <button type="submit" className="button button-secondary">
                    {t("alerts.turnOn", { kind: t(`alerts.kinds.${option.kind}`), organisation: option.name })}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
