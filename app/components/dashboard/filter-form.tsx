import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import type { FilterQuery } from "./format";

type Choices = {
  sectors: { slug: string; nameVi: string; nameEn: string }[];
  agencies: { id: string; name: string }[];
};
type Errors = Partial<Record<keyof FilterQuery, string>>;

// A GET form, like the audit log's: it works without JavaScript and the URL
// of a filtered dashboard can be shared or bookmarked.
export function DashboardFilterForm({
  values,
  errors,
  choices,
}: {
  values: FilterQuery;
  errors: Errors;
  choices: Choices;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const fields = ["from", "to", "granularity", "sector", "agency"] as const;
  const problems = fields.filter((f) => errors[f]);
  const message = (field: keyof FilterQuery) => t(errors[field] as "dashboard.errors.dateInvalid");
  const shell = (field: keyof FilterQuery, label: string, control: (describedBy?: string) => JSX.Element) => (
    <div className={errors[field] ? "field field-error" : "field"}>
      <label htmlFor={`dashboard-${field}`}>{label}</label>
      {errors[field] ? (
        <p className="error-message" id={`dashboard-${field}-error`}>
          {message(field)}
        </p>
      ) : null}
      {control(errors[field] ? `dashboard-${field}-error` : undefined)}
    </div>
  );
  const invalid = (field: keyof FilterQuery) => (errors[field] ? true : undefined);
  return (
    <>
      {problems.length > 0 ? (
        <div className="error-summary" role="alert" aria-labelledby="dashboard-errors-title" tabIndex={-1}>
          <h2 id="dashboard-errors-title">{t("dashboard.errors.summaryTitle")}</h2>
          <ul>
            {problems.map((f) => (
              <li key={f}>
                <a href={`#dashboard-${f}`}>{message(f)}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="get" className="filter-bar dashboard-filters">
        <fieldset>
          <legend>{t("dashboard.filters.legend")}</legend>
          {shell("from", t("dashboard.filters.from"), (d) => (
            <input
              id="dashboard-from"
              name="from"
              type="date"
              defaultValue={values.from}
              aria-invalid={invalid("from")}
              aria-describedby={d}
            />
          ))}
          {shell("to", t("dashboard.filters.to"), (d) => (
            <input
              id="dashboard-to"
              name="to"
              type="date"
              defaultValue={values.to}
              aria-invalid={invalid("to")}
              aria-describedby={d}
            />
          ))}
          {shell("granularity", t("dashboard.filters.granularity"), (d) => (
            <select
              id="dashboard-granularity"
              name="granularity"
              defaultValue={values.granularity}
              aria-invalid={invalid("granularity")}
              aria-describedby={d}
            >
              <option value="week">{t("dashboard.filters.week")}</option>
              <option value="month">{t("dashboard.filters.month")}</option>
            </select>
          ))}
          {shell("sector", t("dashboard.filters.sector"), (d) => (
            <select
              id="dashboard-sector"
              name="sector"
              defaultValue={values.sector}
              aria-invalid={invalid("sector")}
              aria-describedby={d}
            >
              <option value="">{t("dashboard.filters.any")}</option>
              {choices.sectors.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {language === "en" ? s.nameEn : s.nameVi}
                </option>
              ))}
            </select>
          ))}
          {shell("agency", t("dashboard.filters.agency"), (d) => (
            <select
              id="dashboard-agency"
              name="agency"
              defaultValue={values.agency}
              aria-invalid={invalid("agency")}
              aria-describedby={d}
            >
              <option value="">{t("dashboard.filters.any")}</option>
              {choices.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          ))}
          <button type="submit" className="button button-secondary">
            {t("dashboard.filters.apply")}
          </button>
        </fieldset>
      </Form>
    </>
  );
}
