import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { AUDIT_PAGE_SIZE, auditEntityTypes, listAuditEntries } from "~/models/audit.server";
import { isCalendarDay, pageParam, typedBack } from "~/schemas/query";
import { formatDateTime } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "audit.title");

// Days are checked (isCalendarDay) before they get here.
function dayStart(value: string, endOfDay = false): Date | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00+07:00`);
  return endOfDay ? new Date(date.getTime() + 24 * 60 * 60 * 1000) : date;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const filter = {
    entityType: params.get("entity") ?? "",
    action: params.get("action") ?? "",
    actorEmail: params.get("actor") ?? "",
    from: typedBack(params.get("from")),
    to: typedBack(params.get("to")),
  };
  const page = pageParam(params.get("page"));
  // A page or day that cannot be one is refused with the filter form kept as
  // typed, instead of being guessed at or sent to the database.
  const errors = [
    ...(page === null ? ["inputChecks.pageInvalid" as const] : []),
    ...((filter.from && !isCalendarDay(filter.from)) || (filter.to && !isCalendarDay(filter.to))
      ? ["inputChecks.dayInvalid" as const]
      : []),
  ];
  if (page === null || errors.length > 0) {
    return json(
      { entries: [], entityTypes: await auditEntityTypes(), total: 0, filter, page: 1, pages: 1, errors },
      { status: 400 },
    );
  }
  const result = await listAuditEntries({
    entityType: filter.entityType || undefined,
    action: filter.action || undefined,
    actorEmail: filter.actorEmail || undefined,
    from: dayStart(filter.from),
    to: dayStart(filter.to, true),
    page,
  });
  return json({ ...result, filter, page, pages: Math.max(1, Math.ceil(result.total / AUDIT_PAGE_SIZE)), errors });
}

function Json({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  // One line per field keeps long snapshots readable in a table cell.
  const parsed = JSON.parse(value) as unknown;
  if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
    return (
      <ul className="json">
        {Object.entries(parsed).map(([key, field]) => (
          <li key={key}>
            <b>{key}</b>: {typeof field === "string" ? field : JSON.stringify(field)}
          </li>
        ))}
      </ul>
    );
  }
  return <code className="json">{JSON.stringify(parsed)}</code>;
}

export default function AuditLog() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { entries, entityTypes, total, filter, page, pages, errors } = useLoaderData<typeof loader>();
  const location = useLocation();
  const pageLink = (n: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(n));
    return `?${params}`;
  };
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>
      {errors.length > 0 ? (
        <div className="notice notice-error" role="alert">
          {errors.map((key) => t(key)).join(" ")}
        </div>
      ) : null}
      <Form method="get" className="filter-bar">
        <label htmlFor="entity">{t("audit.filterEntity")}</label>
        <select id="entity" name="entity" defaultValue={filter.entityType}>
          <option value="">{t("audit.filterAny")}</option>
          {entityTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <label htmlFor="action">{t("audit.filterAction")}</label>
        <input id="action" name="action" defaultValue={filter.action} size={18} />
        <label htmlFor="actor">{t("audit.filterActor")}</label>
        <input id="actor" name="actor" type="email" defaultValue={filter.actorEmail} size={22} />
        <label htmlFor="from">{t("audit.filterFrom")}</label>
        <input id="from" name="from" type="date" defaultValue={filter.from} />
        <label htmlFor="to">{t("audit.filterTo")}</label>
        <input id="to" name="to" type="date" defaultValue={filter.to} />
        <button type="submit" className="button button-secondary">
          {t("audit.apply")}
        </button>
      </Form>
      <p>{t("audit.total", { count: total })}</p>
      {entries.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <TableRegion label={t("audit.title")}>
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.before")}</th>
                <th scope="col">{t("audit.after")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatDateTime(entry.createdAt, language)}</td>
                  <td>{entry.actor ? `${entry.actor.name} (${entry.actor.email})` : t("audit.system")}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td>
                    {entry.entityType}
                    <br />
                    <code className="hint">{entry.entityId}</code>
                  </td>
                  <td>
                    <Json value={entry.before} />
                  </td>
                  <td>
                    <Json value={entry.after} />
                  </td>
                  <td>
                    <Json value={entry.data} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <nav className="pagination" aria-label={t("audit.page", { page, pages })}>
        {page > 1 ? <Link to={pageLink(page - 1)}>{t("audit.previous")}</Link> : null}
        <span>{t("audit.page", { page, pages })}</span>
        {page < pages ? <Link to={pageLink(page + 1)}>{t("audit.next")}</Link> : null}
      </nav>
    </>
  );
}
