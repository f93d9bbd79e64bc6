import type { MetaFunction } from "@remix-run/node";
import { metaT, withSiteName } from "~/i18n/meta";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { env } from "~/env.server";
import { openApiDocument } from "~/api/openapi";
import { API_MAX_PER_PAGE } from "~/schemas/open-api";

export const meta: MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [
    { title: withSiteName(t, t("openApi.page.title")) },
    { name: "description", content: t("meta.descriptions.api") },
  ];
};

export const loader = () =>
  json({ rateLimit: { points: env.API_RATE_LIMIT_POINTS, seconds: env.API_RATE_LIMIT_WINDOW_SECONDS } });

const endpoints = Object.entries(openApiDocument.paths).map(([path, item]) => ({
  path,
  operationId: item.get.operationId,
}));

// A plain page for people; programs read /api/v1/openapi.json.
export default function ApiPage() {
  const { t } = useTranslation();
  const describe = t as unknown as (key: string) => string;
  const { rateLimit } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("openApi.page.title")}</h1>
      <p className="lead">{t("openApi.page.lead")}</p>
      <h2>{t("openApi.page.docTitle")}</h2>
      <p>
        {t("openApi.page.docText")}{" "}
        <a href="/api/v1/openapi.json">
          <code>/api/v1/openapi.json</code>
        </a>
      </p>
      <h2>{t("openApi.page.endpointsTitle")}</h2>
      <dl className="api-endpoints">
        {endpoints.map((endpoint) => (
          <div key={endpoint.path}>
            <dt>
              <code>GET {endpoint.path}</code>
            </dt>
            <dd>{describe(`openApi.page.endpoints.${endpoint.operationId}`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("openApi.page.languageTitle")}</h2>
      <p>{t("openApi.page.languageText")}</p>
      <h2>{t("openApi.page.limitsTitle")}</h2>
      <p>{t("openApi.page.limitsText", { max: API_MAX_PER_PAGE })}</p>
      <p>{t("openApi.page.privacyText")}</p>
      <h2>{t("openData.page.syncTitle")}</h2>
      <p>
        {t("openData.page.syncText", rateLimit)} <Link to="/open-data">/open-data</Link>
      </p>
    </>
  );
}
