import { getFormProps, useForm } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { RadioGroup } from "~/components/form";
import type { Language } from "~/i18n/config";
import { requireOfferingOrganisation } from "~/utils/organisation-access.server";
import { choosePlan, planOverview, PlanFailure, setCancelAtPeriodEnd } from "~/models/plan.server";
import { flash } from "~/models/session.server";
import { BILLING_INTERVALS, PLAN_PRICES_VND, PLAN_TIERS, type PaidTier, type PlanTierName } from "~/payments/plans";
import { planActionSchema } from "~/schemas/plan";
import { formatDate, formatVnd } from "~/utils/format";
import { requireOrgMember, requireOrgOwner } from "~/utils/permissions.server";
import { PlanFeatures } from "~/components/plan-features";
import { PlanHistoryTable } from "~/components/plan-history-table";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, "plans.page.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { role } = await requireOrgMember(request, params.orgId);
  const organisation = await requireOfferingOrganisation(params.orgId);
  const overview = await planOverview(organisation.id);
  return json(
    { organisation, isOwner: role === "OWNER", ...overview },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireOrgOwner(request, params.orgId);
  const organisation = await requireOfferingOrganisation(params.orgId);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: planActionSchema });
  if (submission.status !== "success") {
    return json(
      { tier: String(formData.get("tier") ?? ""), result: submission.reply(), error: "plans.errors.choiceInvalid" },
      { status: 400 },
    );
  }
  const value = submission.value;
  const here = `/orgs/${organisation.id}/plan`;
  try {
    if (value.intent === "choose") {
      const outcome = await choosePlan({
        organisationId: organisation.id,
        userId: user.id,
        tier: value.tier,
        interval: value.interval,
      });
      return outcome.kind === "checkout"
        ? redirect(outcome.url, 303)
        : flash(request, here, { key: "plans.flash.changed" });
    }
    await setCancelAtPeriodEnd({ organisationId: organisation.id, userId: user.id, cancel: value.intent === "cancel" });
    return flash(request, here, {
      key: value.intent === "cancel" ? "plans.flash.cancelRequested" : "plans.flash.cancelWithdrawn",
    });
  } catch (error) {
    if (!(error instanceof PlanFailure)) throw error;
    const status = error.code === "providerUnavailable" || error.code === "notConfigured" ? 503 : 400;
    return json(
      {
        tier: value.intent === "choose" ? value.tier : "",
        result: submission.reply(),
        error: `plans.errors.${error.code}`,
      },
      { status },
    );
  }
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function PlanPage() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const plan = t(`plans.tiers.${data.tier}`);
  const sub = data.subscription;
  const limit = data.limits.maxPublishedOffers;
  return (
    <>
      <p>
        <Link to={`/orgs/${data.organisation.id}`}>{data.organisation.name}</Link>
      </p>
      <h1>{t("plans.page.title")}</h1>
      <PaymentsModeBanner showWhenOff={false} />
      {searchParams.get("blocked") === "offers" && limit !== null && data.used >= limit ? (
        <div className="notice notice-error" role="alert">
          <h2>{t("plans.limit.blockedTitle")}</h2>
          <p>{t("plans.limit.blocked", { plan, limit, used: data.used })}</p>
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {t(actionData.error as "plans.errors.rejected")}
        </div>
      ) : null}
      {searchParams.get("checkout") === "success" ? (
        <p className="notice" role="status">
          {t("plans.flash.checkoutSuccess")}
        </p>
      ) : null}
      {searchParams.get("checkout") === "cancelled" ? (
        <p className="notice" role="status">
          {t("plans.flash.checkoutCancelled")}
        </p>
      ) : null}
      {!data.configured ? <p className="notice">{t("plans.errors.notConfigured")}</p> : null}

      <section aria-labelledby="current-plan">
        <h2 id="current-plan">{t("plans.page.currentTitle")}</h2>
        <p>
          <strong>{t("plans.page.current", { plan })}</strong>
        </p>
        <p>
          {limit === null
            ? t("plans.page.offersUsedUnlimited", { used: data.used })
            : t("plans.page.offersUsed", { used: data.used, limit })}
        </p>
        {sub ? (
          <>
            <p>
              {t("plans.page.billed", {
                amount: formatVnd(sub.amountVnd, language),
                interval: t(`plans.intervals.${sub.interval}`),
              })}{" "}
              <span className="tag">{t(`plans.statuses.${sub.status}`)}</span>
            </p>
            {sub.status === "PAST_DUE" ? <p className="notice notice-error">{t("plans.page.pastDue")}</p> : null}
            {sub.currentPeriodEnd ? (
              <p>
                {t(sub.cancelAtPeriodEnd ? "plans.page.endsOn" : "plans.page.renews", {
                  date: formatDate(sub.currentPeriodEnd, language),
                })}
              </p>
            ) : null}
          </>
        ) : null}
        {data.pending && data.isOwner ? (
          <p>
            {t("plans.page.pending", { plan: t(`plans.tiers.${data.pending.tier}`) })}{" "}
            <a href={data.pending.checkoutUrl}>{t("plans.page.continuePayment")}</a>
          </p>
        ) : null}
        <p>
          <Link to={`/orgs/${data.organisation.id}/services`}>{t("plans.page.servicesLink")}</Link>
        </p>
      </section>

      <h2>{t("plans.page.chooseTitle")}</h2>
      {!data.isOwner ? (
        <p className="hint">{t("plans.page.ownersOnly")}</p>
      ) : (
        <p className="hint">{t("plans.page.hint")}</p>
      )}
      <div className="grid-3">
        {PLAN_TIERS.map((tier) => (
          <PlanCard key={tier} tier={tier} data={data} />
        ))}
      </div>
      <p className="hint">{t("plans.page.downgradeNote")}</p>

      {data.isOwner && sub && sub.status !== "CANCELED" ? (
        <section aria-labelledby="cancel-plan">
          <h2 id="cancel-plan">{t("plans.page.cancelTitle")}</h2>
          <Form method="post">
            <input type="hidden" name="intent" value={sub.cancelAtPeriodEnd ? "resume" : "cancel"} />
            <button type="submit" className="button button-secondary">
              {t(sub.cancelAtPeriodEnd ? "plans.page.resume" : "plans.page.cancel")}
            </button>
          </Form>
        </section>
      ) : null}

      <h2>{t("plans.page.historyTitle")}</h2>
      <PlanHistoryTable history={data.history} />
    </>
  );
}

function PlanCard({ tier, data }: { tier: PlanTierName; data: Data }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const name = t(`plans.tiers.${tier}`);
  return (
    <div className="card">
      <h3>{name}</h3>
      {tier === "FREE" ? (
        <p>{t("plans.page.free")}</p>
      ) : (
        <p>
          {BILLING_INTERVALS.map((interval) =>
            t("plans.page.price", {
              amount: formatVnd(Number(PLAN_PRICES_VND[tier][interval]), language),
              interval: t(`plans.intervals.${interval}`),
            }),
          ).join(" · ")}
        </p>
      )}
      <PlanFeatures tier={tier} />
      {data.tier === tier ? (
        <p>
          <strong>{t("plans.page.yourPlan")}</strong>
        </p>
      ) : null}
      {tier !== "FREE" && data.isOwner ? <ChooseForm tier={tier} data={data} /> : null}
    </div>
  );
}

function ChooseForm({ tier, data }: { tier: PaidTier; data: Data }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const current = data.subscription;
  const [form, fields] = useForm({
    id: `plan-${tier}`,
    lastResult: actionData?.tier === tier ? actionData.result : undefined,
    defaultValue: { intent: "choose", tier, interval: current?.interval ?? "MONTH" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: planActionSchema }),
  });
  const available = BILLING_INTERVALS.filter((interval) => data.purchasable[tier][interval]);
  const name = t(`plans.tiers.${tier}`);
  if (!data.configured) return <p className="hint">{t("plans.errors.notConfigured")}</p>;
  if (available.length === 0) return <p className="hint">{t("plans.errors.priceNotConfigured")}</p>;
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="choose" />
      <input type="hidden" name="tier" value={tier} />
      <RadioGroup
        field={fields.interval}
        legend={t("plans.page.intervalLegend")}
        options={available.map((interval) => ({ value: interval, label: t(`plans.intervalChoices.${interval}`) }))}
      />
      <button type="submit" className="button">
        {t(current ? "plans.page.change" : "plans.page.choose", { plan: name })}
      </button>
    </Form>
  );
}
