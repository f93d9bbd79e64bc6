import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { ErrorSummary, SelectField } from "~/components/form";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { requireOfferingOrganisation } from "~/utils/organisation-access.server";
import {
  featureIncluded,
  servicesOverview,
  ServiceFailure,
  startServicePurchase,
} from "~/models/service-purchase.server";
import { flash } from "~/models/session.server";
import { FEATURED_DAY_PRICE_VND, FEATURED_DAYS, servicePrice, VALUATION_PRICE_VND } from "~/payments/plans";
import { serviceSchema } from "~/schemas/service";
import { formatDate, formatVnd } from "~/utils/format";
import { requireOrgMember, requireOrgOwner } from "~/utils/permissions.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "plans.services.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireOrgMember(request, params.orgId);
  const organisation = await requireOfferingOrganisation(params.orgId);
  return json(
    { organisation, isOwner: role === "OWNER", ...(await servicesOverview(organisation.id)) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireOrgOwner(request, params.orgId);
  const organisation = await requireOfferingOrganisation(params.orgId);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: serviceSchema });
  if (submission.status !== "success")
    return json({ result: submission.reply(), error: "plans.errors.serviceInvalid" }, { status: 400 });
  const value = submission.value;
  try {
    if (value.intent === "included") {
      await featureIncluded({ organisationId: organisation.id, userId: user.id, offerId: value.offerId });
      return flash(request, `/orgs/${organisation.id}/services`, { key: "plans.flash.featuredIncluded" });
    }
    const t = await i18next.getFixedT("vi");
    const choice =
      value.intent === "valuation"
        ? { kind: "TECHNOLOGY_VALUATION" as const }
        : { kind: "FEATURED_PLACEMENT" as const, offerId: value.offerId, days: value.days };
    // Stripe's page shows this name; Vietnamese, as the receipt Stripe sends.
    const titleVi =
      value.intent === "valuation"
        ? t("plans.services.kinds.TECHNOLOGY_VALUATION")
        : `${t("plans.services.kinds.FEATURED_PLACEMENT")} — ${value.days} ngày`;
    const { checkoutUrl } = await startServicePurchase({
      organisationId: organisation.id,
      userId: user.id,
      choice,
      titleVi,
    });
    return redirect(checkoutUrl, 303);
  } catch (error) {
    if (!(error instanceof ServiceFailure)) throw error;
    const status = error.code === "providerUnavailable" || error.code === "notConfigured" ? 503 : 400;
    return json({ result: submission.reply(), error: `plans.errors.${error.code}` }, { status });
  }
}

export default function ServicesPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const orgId = data.organisation.id;
  const canBuy = data.isOwner && data.configured;
  return (
    <>
      <p>
        <Link to={`/orgs/${orgId}`}>{data.organisation.name}</Link> ·{" "}
        <Link to={`/orgs/${orgId}/plan`}>{t("plans.page.title")}</Link>
      </p>
      <h1>{t("plans.services.title")}</h1>
      <PaymentsModeBanner showWhenOff={false} />
      <p className="lead">{t("plans.services.lead")}</p>
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {t(actionData.error as "plans.errors.serviceInvalid")}
        </div>
      ) : null}
      {searchParams.get("checkout") === "success" ? (
        <p className="notice" role="status">
          {t("payments.receipt.checkoutSuccess")}
        </p>
      ) : null}
      {searchParams.get("checkout") === "cancelled" ? (
        <p className="notice" role="status">
          {t("plans.flash.checkoutCancelled")}
        </p>
      ) : null}
      {!data.configured ? <p className="notice">{t("plans.errors.notConfigured")}</p> : null}
      {!data.isOwner ? <p className="hint">{t("plans.page.ownersOnly")}</p> : null}

      <section aria-labelledby="valuation">
        <h2 id="valuation">{t("plans.services.kinds.TECHNOLOGY_VALUATION")}</h2>
        <p>{t("plans.services.valuationText", { amount: formatVnd(Number(VALUATION_PRICE_VND), language) })}</p>
        {canBuy ? (
          <Form method="post">
            <input type="hidden" name="intent" value="valuation" />
            <button type="submit" className="button">
              {t("plans.services.buyValuation")}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="featured">
        <h2 id="featured">{t("plans.services.kinds.FEATURED_PLACEMENT")}</h2>
        <p>{t("plans.services.featuredText", { amount: formatVnd(Number(FEATURED_DAY_PRICE_VND), language) })}</p>
        {data.offers.length ? (
          <ul>
            {data.offers
              .filter((o) => o.featuredUntil && new Date(o.featuredUntil) > new Date())
              .map((o) => (
                <li key={o.id}>
                  {o.titleVi} — {t("plans.services.featuredUntil", { date: formatDate(o.featuredUntil!, language) })}
                </li>
              ))}
          </ul>
        ) : (
          <p>{t("plans.services.noOffers")}</p>
        )}
        {!data.limits.featuredPlacement ? (
          <p>
            {t("plans.services.needPlan")} <Link to={`/orgs/${orgId}/plan`}>{t("plans.services.upgrade")}</Link>
          </p>
        ) : canBuy && data.offers.length ? (
          <FeaturedForm offers={data.offers} />
        ) : null}
        {data.limits.featuredIncluded > 0 && data.isOwner && data.offers.length ? (
          <>
            <h3>{t("plans.services.includedTitle")}</h3>
            <p>
              {t("plans.services.includedText", {
                plan: t(`plans.tiers.${data.tier}`),
                count: data.limits.featuredIncluded,
              })}
            </p>
            <Form method="post">
              <input type="hidden" name="intent" value="included" />
              <label htmlFor="included-offer">{t("plans.services.offer")}</label>
              <select id="included-offer" name="offerId">
                {data.offers.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.titleVi}
                  </option>
                ))}
              </select>{" "}
              <button type="submit" className="button button-secondary">
                {t("plans.services.useIncluded")}
              </button>
            </Form>
          </>
        ) : null}
      </section>

      <h2>{t("plans.services.listTitle")}</h2>
      <PurchaseTable purchases={data.purchases} />
    </>
  );
}

function FeaturedForm({ offers }: { offers: { id: string; titleVi: string }[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "featured",
    lastResult: actionData?.result,
    defaultValue: { intent: "featured", offerId: offers[0]?.id, days: "30" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: serviceSchema }),
  });
  return (
    <>
      <ErrorSummary fields={{ offerId: fields.offerId, days: fields.days }} formErrors={form.errors} />
      <Form method="post" {...getFormProps(form)} className="narrow">
        <input type="hidden" name="intent" value="featured" />
        <SelectField
          field={fields.offerId}
          label={t("plans.services.offer")}
          options={offers.map((o) => ({ value: o.id, label: o.titleVi }))}
        />
        <SelectField
          field={fields.days}
          label={t("plans.services.days")}
          options={FEATURED_DAYS.map((days) => ({
            value: String(days),
            label: t("plans.services.daysOption", {
              count: days,
              amount: formatVnd(Number(servicePrice("FEATURED_PLACEMENT", days)), language),
            }),
          }))}
        />
        <button type="submit" className="button">
          {t("plans.services.buyFeatured")}
        </button>
      </Form>
    </>
  );
}

type Purchase = ReturnType<typeof useLoaderData<typeof loader>>["purchases"][number];

function PurchaseTable({ purchases }: { purchases: Purchase[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (purchases.length === 0) return <p>{t("plans.services.none")}</p>;
  return (
    <TableRegion label={t("plans.services.listTitle")}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("plans.services.service")}</th>
            <th scope="col">{t("plans.services.detail")}</th>
            <th scope="col" className="numeric">
              {t("plans.services.amount")}
            </th>
            <th scope="col">{t("plans.services.status")}</th>
            <th scope="col">{t("plans.services.date")}</th>
          </tr>
        </thead>
        <tbody>
          {purchases.map((p) => (
            <tr key={p.id}>
              <td>{t(`plans.services.kinds.${p.kind}`)}</td>
              <td>
                {p.offerTitle ? `${p.offerTitle} — ${t("plans.services.daysCount", { count: p.days ?? 0 })}` : "—"}
              </td>
              <td className="numeric">
                {p.amountVnd === 0 ? t("plans.services.included") : formatVnd(p.amountPaidVnd ?? p.amountVnd, language)}
              </td>
              <td>
                {t(`payments.statuses.${p.status}`)}
                {p.checkoutUrl ? (
                  <>
                    {" "}
                    · <a href={p.checkoutUrl}>{t("plans.services.pay")}</a>
                  </>
                ) : null}
              </td>
              <td>{formatDate(p.createdAt, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
