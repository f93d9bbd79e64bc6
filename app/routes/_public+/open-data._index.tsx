import type { MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import { DATASETS, FIELDS, FORMATS, type Format, LICENCE, currentManifest } from "~/models/open-data.server";
import { formatDateTime } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: withSiteName(t, t("openData.page.title")) },
    { name: "description", content: t("meta.descriptions.openData") },
  ];
};

export async function loader() {
  const manifest = await currentManifest();
  const datasets = DATASETS.map((name) => ({
    name,
    rows: manifest.datasets[name].rows,
    fields: FIELDS[name].map(([field, type]) => ({ field, type })),
    files: (Object.keys(FORMATS) as Format[]).map((format) => ({
      format,
      bytes: manifest.datasets[name].files[format].bytes,
      mediaType: FORMATS[format],
    })),
  }));
  return json(
    { generatedAt: manifest.generatedAt, datasets, licence: LICENCE },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
}

function size(bytes: number, language: Language) {
  const format = (value: number) =>
    value.toLocaleString(language === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / 1024 / 1024)} MB`;
}

// A DCAT catalogue for people; programs read /open-data/catalog.json.
export default function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { generatedAt, datasets, licence } = useLoaderData<typeof loader>();
  const text = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (
    <>
      <h1>{t("openData.page.title")}</h1>
      <p className="lead">{t("openData.page.lead")}</p>
      <p>
        <Link to="/api">{t("openData.page.apiLink")}</Link> ·{" "}
        <a href="/open-data/catalog.json">{t("openData.page.catalogLink")}</a>
      </p>
      <p>{t("openData.page.privacy")}</p>
      {datasets.map((dataset) => (
        <section key={dataset.name} id={dataset.name} aria-labelledby={`${dataset.name}-title`}>
          <h2 id={`${dataset.name}-title`}>{text(`openData.datasets.${dataset.name}.title`)}</h2>
          <p>{text(`openData.datasets.${dataset.name}.description`)}</p>
          <dl className="summary-list">
            <div>
              <dt>{t("openData.page.publisher")}</dt>
              <dd>{t("openData.publisherName")}</dd>
            </div>
            <div>
              <dt>{t("openData.page.licence")}</dt>
              <dd>
                <a href={licence.url} rel="license noopener noreferrer">
                  {licence.name}
                </a>
              </dd>
            </div>
            <div>
              <dt>{t("openData.page.frequency")}</dt>
              <dd>{t("openData.page.daily")}</dd>
            </div>
            <div>
              <dt>{t("openData.page.modified")}</dt>
              <dd>
                <time dateTime={generatedAt}>{formatDateTime(generatedAt, language)}</time>
              </dd>
            </div>
            <div>
              <dt>{t("openData.page.rows")}</dt>
              <dd>{dataset.rows.toLocaleString(language === "vi" ? "vi-VN" : "en-GB")}</dd>
            </div>
          </dl>
          <h3>{t("openData.page.downloadsTitle")}</h3>
          <ul>
            {dataset.files.map((file) => (
              <li key={file.format}>
                <a href={`/open-data/${dataset.name}.${file.format}`} download type={file.mediaType.split(";")[0]}>
                  {t("openData.page.download", { format: file.format.toUpperCase(), size: size(file.bytes, language) })}
                </a>
              </li>
            ))}
          </ul>
          <details>
            <summary>{t("openData.page.fieldsTitle")}</summary>
            <TableRegion
              label={`${text(`openData.datasets.${dataset.name}.title`)}: ${t("openData.page.fieldsTitle")}`}
            >
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("openData.page.fieldName")}</th>
                    <th scope="col">{t("openData.page.fieldType")}</th>
                    <th scope="col">{t("openData.page.fieldDescription")}</th>
                  </tr>
                </thead>
                <tbody>
                  {dataset.fields.map(({ field, type }) => (
                    <tr key={field}>
                      <td>
                        <code>{field}</code>
                      </td>
                      <td>{text(`openData.types.${type}`)}</td>
                      <td>{text(`openData.fields.${field}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </details>
        </section>
      ))}
    </>
  );
}
