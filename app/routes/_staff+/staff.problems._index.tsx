import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { titleMeta } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusTag } from "~/components/statement-summary";
import type { Language } from "~/i18n/config";
import { listForModeration } from "~/models/problem-statement.server";
import { formatDate } from "~/utils/format";
import { requireStaff } from "~/utils/permissions.server";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "statements.staff.title");

const statuses = ["SUBMITTED", "PUBLISHED", "CLOSED", "DRAFT"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const wanted = new URL(request.url).searchParams.get("status");
  const status = statuses.find((s) => s === wanted) ?? "SUBMITTED";
  return json({ status, statements: await listForModeration(status) });
}

export default function StaffProblems() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { status, statements } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("statements.staff.title")}</h1>
      <p className="lead">{t("statements.staff.lead")}</p>
      <Form method="get" className="filter-bar">
        <label htmlFor="status">{t("statements.staff.show")}</label>
        <select id="status" name="status" defaultValue={status}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`statements.status.${s}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-secondary">
          {t("statements.applyFilter")}
        </button>
      </Form>
      {statements.length === 0 ? (
        <p>{t("statements.staff.none")}</p>
      ) : (
        <ul className="card-list">
          {statements.map((s) => (
            <li key={s.id} className="card">
              <h2>
                <Link to={`/staff/problems/${s.id}`}>{s.title}</Link>
              </h2>
              <p>
                <StatusTag status={s.status} /> {s.organisation.name}
                {s.submittedAt
                  ? ` · ${t("statements.staff.submittedOn", { date: formatDate(s.submittedAt, language) })}`
                  : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
