import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField } from "~/components/form";
import { MailQueueSection } from "~/components/mail-queue";
import type { Language } from "~/i18n/config";
import {
  requestReindex,
  saveSynonymGroups,
  searchHealthForStaff,
  synonymGroupsAsText,
} from "~/models/search-admin.server";
import { flash } from "~/models/session.server";
import { mailQueueHealth, retryDeadMail } from "~/models/mail-outbox.server";
import { recordAudit } from "~/models/audit.server";
import { db } from "~/db.server";
import { parseSynonymLines, synonymsFormSchema } from "~/schemas/search-admin";
import { formatDateTime, formatNumber } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "searchAdmin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const [health, synonyms, mailQueue] = await Promise.all([
    searchHealthForStaff(),
    synonymGroupsAsText(),
    mailQueueHealth(),
  ]);
  return json({ health, synonyms, mailQueue });
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const formData = await request.formData();
  if (formData.get("intent") === "reindex") {
    await requestReindex(staff.id);
    return flash(request, "/staff/search", { key: "searchAdmin.reindexQueued" });
  }
  if (formData.get("intent") === "retry-mail") {
    const id = String(formData.get("mailId") ?? "");
    if (await retryDeadMail(id)) {
      await recordAudit(db, { actorId: staff.id, action: "mail.retried", entityType: "MailOutbox", entityId: id });
    }
    return flash(request, "/staff/search", { key: "notices.mailQueue.retried" });
  }
  const submission = parseWithZod(formData, { schema: synonymsFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const groups = parseSynonymLines(submission.value.synonyms);
  await saveSynonymGroups(staff.id, groups);
  return flash(request, "/staff/search", {
    key: "searchAdmin.synonymsSaved",
    params: { count: String(groups.length) },
  });
}

export default function StaffSearch() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { health, synonyms, mailQueue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result ?? undefined,
    defaultValue: { synonyms },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: synonymsFormSchema }),
  });
  const behind = health.pending > 0;
  const engineName = (engine: string) =>
    engine === "embedded"
      ? t("searchAdmin.engineEmbedded")
      : engine === "meilisearch"
      ? t("searchAdmin.engineMeilisearch")
      : engine;
  const lag = (count: number, seconds: number) =>
    count > 0 ? t("searchAdmin.lagSeconds", { seconds: Math.round(seconds) }) : t("searchAdmin.upToDate");
  const rows: [string, string][] = [
    [t("searchAdmin.engine"), engineName(health.engine)],
    [
      t("searchAdmin.documents"),
      health.documents === null ? t("searchAdmin.unknown") : formatNumber(health.documents, language),
    ],
    [t("searchAdmin.databaseDocuments"), formatNumber(health.databaseDocuments, language)],
    [t("searchAdmin.pending"), formatNumber(health.pending, language)],
    [t("searchAdmin.lag"), lag(health.pending, health.lagSeconds)],
    [t("searchAdmin.retained"), formatNumber(health.retained, language)],
    [
      t("searchAdmin.lastSuccess"),
      health.lastSuccessAt ? formatDateTime(health.lastSuccessAt, language) : t("searchAdmin.never"),
    ],
  ];
  return (
    <>
      <h1>{t("searchAdmin.title")}</h1>
      <p className="lead">{t("searchAdmin.lead")}</p>
      <section aria-labelledby="health-title">
        <h2 id="health-title">{t("searchAdmin.healthTitle")}</h2>
        {health.startupError ? (
          <div className="notice notice-error" role="alert">
            {t("searchAdmin.startupError", { error: health.startupError })}
          </div>
        ) : null}
        {health.engineError && !health.startupError ? (
          <div className="notice notice-error" role="alert">
            {t("searchAdmin.engineDown", { error: health.engineError })}
          </div>
        ) : null}
        {!health.engineError && health.lastError && behind ? (
          <div className="notice notice-error" role="alert">
            {t("searchAdmin.retrying", { error: health.lastError })}
          </div>
        ) : null}
        <dl className="summary-list" data-testid="search-health">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3 id="consumers-title">{t("searchAdmin.consumersTitle")}</h3>
        <p className="hint">{t("searchAdmin.consumersLead")}</p>
        {health.consumers.length === 0 ? (
          <p>{t("searchAdmin.noConsumers")}</p>
        ) : (
          <TableRegion labelledBy="consumers-title">
            <table aria-labelledby="consumers-title" data-testid="search-consumers">
              <thead>
                <tr>
                  <th scope="col">{t("searchAdmin.consumerLabel")}</th>
                  <th scope="col">{t("searchAdmin.consumerEngine")}</th>
                  <th scope="col">{t("searchAdmin.consumerCursor")}</th>
                  <th scope="col">{t("searchAdmin.consumerBehind")}</th>
                  <th scope="col">{t("searchAdmin.consumerLag")}</th>
                  <th scope="col">{t("searchAdmin.consumerLastApplied")}</th>
                  <th scope="col">{t("searchAdmin.consumerLastError")}</th>
                </tr>
              </thead>
              <tbody>
                {health.consumers.map((consumer) => (
                  <tr key={consumer.id}>
                    <th scope="row">
                      {consumer.label}
                      {consumer.current ? ` (${t("searchAdmin.consumerCurrent")})` : null}
                      {consumer.stale
                        ? ` — ${t("searchAdmin.consumerStale", { time: formatDateTime(consumer.seenAt, language) })}`
                        : null}
                    </th>
                    <td>{engineName(consumer.engine)}</td>
                    <td>{formatNumber(consumer.cursor, language)}</td>
                    <td>{formatNumber(consumer.behind, language)}</td>
                    <td>{lag(consumer.behind, consumer.lagSeconds)}</td>
                    <td>
                      {consumer.lastAppliedAt
                        ? formatDateTime(consumer.lastAppliedAt, language)
                        : t("searchAdmin.never")}
                    </td>
                    <td>{consumer.lastError ?? t("searchAdmin.none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        <Form method="post">
          <input type="hidden" name="intent" value="reindex" />
          <button type="submit" className="button button-secondary">
            {t("searchAdmin.reindex")}
          </button>
          <p className="hint">{t("searchAdmin.reindexHint")}</p>
        </Form>
      </section>
      <MailQueueSection queue={mailQueue} />
      <section aria-labelledby="synonyms-title">
        <h2 id="synonyms-title">{t("searchAdmin.synonymsTitle")}</h2>
        <ErrorSummary fields={fields} formErrors={form.errors} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="synonyms" />
          <TextAreaField
            field={fields.synonyms}
            label={t("searchAdmin.synonymsLabel")}
            hint={t("searchAdmin.synonymsHint")}
          />
          <button type="submit" className="button">
            {t("searchAdmin.saveSynonyms")}
          </button>
        </Form>
      </section>
    </>
  );
}
