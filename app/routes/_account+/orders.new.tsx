import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { titleMeta } from "~/i18n/meta";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/form";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import type { Language } from "~/i18n/config";
import { OrderFailure, orderReview, startOrder } from "~/models/order.server";
import { safeRedirect } from "~/models/session.server";
import { env } from "~/env.server";
import { checkoutReturnBase } from "~/payments/return-origin";
import { orderSchema } from "~/schemas/payments";
import { formatVnd } from "~/utils/format";
import { requireOrgMember, requireUser } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleMeta(matches, data?.review ? "payments.review.title" : "payments.order.title");

const statusFor = (code: string) =>
  code === "providerUnavailable" || code === "notConfigured" ? 503 : code === "orderFormUsed" ? 409 : 400;

// The review step (GET /orders/new?package=…[&org=…]): what is bought, the
// price with its VAT, the buyer and seller as the receipt will print them.
// Nothing is written until "Thanh toán". Without a package the page only
// shows an action's error (old forms post here directly).
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const packageId = params.get("package");
  if (!packageId) return json({ review: null, reviewError: null });
  // Anonymous: to sign in, and back to this same review.
  const user = await requireUser(request);
  try {
    const review = await orderReview({
      userId: user.id,
      packageId: packageId.slice(0, 100),
      organisationId: params.get("org")?.slice(0, 100),
    });
    return json({ review, reviewError: null }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    if (!(error instanceof OrderFailure)) throw error;
    return json({ review: null, reviewError: `payments.errors.${error.code}` }, { status: statusFor(error.code) });
  }
}

// "Thanh toán": writes the order (and the buyer's missing tax code or
// address), asks the provider for a Checkout session and sends the buyer
// there. The same form sent again (its orderKey) lands on the same order's
// payment page, or its order page. Failures are shown on the review, in the
// buyer's language, with what was typed kept.
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const returnTo = safeRedirect(formData.get("returnTo"), "/offers");
  const submission = parseWithZod(formData, { schema: orderSchema });
  if (submission.status !== "success") {
    const { taxCode, address, ...others } = submission.error ?? {};
    const first = Object.values(others).flat()[0];
    return json(
      {
        result: submission.reply(),
        error: taxCode || address ? null : first ?? "payments.errors.offerNotAvailable",
        returnTo,
      },
      { status: 400 },
    );
  }
  const value = submission.value;
  // Not a member of the named organisation: 404, as for one that does not exist.
  await requireOrgMember(request, value.organisationId);
  try {
    const { orderId, checkoutUrl } = await startOrder({
      userId: user.id,
      buyerOrganisationId: value.organisationId,
      packageId: value.packageId,
      idempotencyKey: value.orderKey,
      buyerDetails: { taxCode: value.taxCode, address: value.address },
      returnBase: checkoutReturnBase(request.url, env.APP_URL, env.PORT),
    });
    return redirect(checkoutUrl ?? `/orders/${orderId}`, 303);
  } catch (error) {
    if (!(error instanceof OrderFailure)) throw error;
    if (error.fields.length) {
      const message = error.code === "taxCodeTaken" ? "validation.taxCodeTaken" : "validation.required";
      const fieldErrors = Object.fromEntries(error.fields.map((field) => [field, [message]]));
      return json({ result: submission.reply({ fieldErrors }), error: null, returnTo }, { status: 400 });
    }
    return json(
      { result: submission.reply(), error: `payments.errors.${error.code}`, returnTo },
      { status: statusFor(error.code) },
    );
  }
}

type Party = { name: string; taxCode: string | null; address: string | null };

function PartyDetails({ party }: { party: Party }) {
  const { t } = useTranslation();
  const missing = <span className="hint">{t("payments.review.missing")}</span>;
  return (
    <dl className="summary-list">
      <div>
        <dt>{t("payments.review.name")}</dt>
        <dd>{party.name}</dd>
      </div>
      <div>
        <dt>{t("payments.review.taxCode")}</dt>
        <dd>{party.taxCode ?? missing}</dd>
      </div>
      <div>
        <dt>{t("payments.review.address")}</dt>
        <dd>{party.address ?? missing}</dd>
      </div>
    </dl>
  );
}

export default function OrderReview() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { review, reviewError } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "order-review",
    lastResult: data?.result,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: orderSchema }),
  });
  const error = data?.error ?? reviewError;
  const errorNotice = error ? (
    <div className="notice notice-error" role="alert">
      {t(error as "payments.errors.conflict")}
    </div>
  ) : null;
  if (!review) {
    return (
      <div className="narrow">
        <h1>{t("payments.order.failedTitle")}</h1>
        <PaymentsModeBanner />
        {errorNotice}
        <p>
          <Link to={data?.returnTo ?? "/offers"}>{t("payments.order.backToOffer")}</Link>
        </p>
      </div>
    );
  }
  const vnd = (amount: number) => formatVnd(amount, language);
  const offerTitle = (language === "en" && review.offer.titleEn) || review.offer.titleVi;
  const offerPath = review.offer.slug ? `/offers/${review.offer.slug}` : "/offers";
  const here = `/orders/new?package=${encodeURIComponent(review.package.id)}&org=${encodeURIComponent(
    review.buyer.id,
  )}`;
  const needsTaxCode = !review.buyer.taxCode;
  const needsAddress = !review.buyer.address;
  const sending = navigation.state === "submitting" && navigation.formAction?.startsWith("/orders/new");
  return (
    <div className="narrow">
      <p>
        <Link to={offerPath}>{t("payments.order.backToOffer")}</Link>
      </p>
      <h1>{t("payments.review.title")}</h1>
      <PaymentsModeBanner />
      {errorNotice}
      <ErrorSummary fields={{ taxCode: fields.taxCode, address: fields.address }} formErrors={form.errors} />

      <h2>{t("payments.review.whatTitle")}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t("payments.list.offer")}</dt>
          <dd>{review.offer.slug ? <Link to={offerPath}>{offerTitle}</Link> : offerTitle}</dd>
        </div>
        <div>
          <dt>{t("payments.list.package")}</dt>
          <dd>{t("payments.review.quoted", { name: review.package.name })}</dd>
        </div>
        <div>
          <dt>{t("payments.review.unit")}</dt>
          <dd>{review.package.unit}</dd>
        </div>
        <div>
          <dt>{t("payments.receipt.quantity")}</dt>
          <dd>{review.quantity}</dd>
        </div>
        <div>
          <dt>{t("payments.review.unitPrice")}</dt>
          <dd>{vnd(review.package.unitPriceVnd)}</dd>
        </div>
      </dl>

      <h2>{t("payments.review.priceTitle")}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t("payments.review.preVat")}</dt>
          <dd>{vnd(review.preVatVnd)}</dd>
        </div>
        <div>
          <dt>{t("payments.review.vat", { percent: review.vatPercent })}</dt>
          <dd>{vnd(review.vatVnd)}</dd>
        </div>
        <div>
          <dt>{t("payments.review.total")}</dt>
          <dd>
            <strong>{vnd(review.totalVnd)}</strong>
          </dd>
        </div>
      </dl>
      <p className="hint">
        {t("payments.review.vatHint", { percent: review.vatPercent, divisor: 100 + review.vatPercent })}
      </p>

      <h2>{t("payments.review.buyerTitle")}</h2>
      {review.organisations.length > 1 ? (
        <Form method="get" action="/orders/new" className="inline-form">
          <input type="hidden" name="package" value={review.package.id} />
          <label htmlFor="review-org">{t("payments.order.organisation")}</label>{" "}
          <select id="review-org" name="org" defaultValue={review.buyer.id}>
            {review.organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>{" "}
          <button type="submit" className="button button-secondary">
            {t("payments.review.changeOrganisation")}
          </button>
        </Form>
      ) : null}
      <PartyDetails party={review.buyer} />

      <h2>{t("payments.review.sellerTitle")}</h2>
      <PartyDetails party={review.seller} />

      {review.configured ? (
        <Form method="post" action={here} {...getFormProps(form)}>
          <input type="hidden" name="packageId" value={review.package.id} />
          <input type="hidden" name="organisationId" value={review.buyer.id} />
          <input type="hidden" name="orderKey" value={review.orderKey} />
          <input type="hidden" name="returnTo" value={offerPath} />
          {needsTaxCode || needsAddress ? <p>{t("payments.review.detailsNeeded")}</p> : null}
          {needsTaxCode ? (
            <TextField
              field={fields.taxCode}
              label={t("payments.review.taxCode")}
              hint={t("organisations.taxCodeHint")}
            />
          ) : null}
          {needsAddress ? (
            <TextField
              field={fields.address}
              label={t("payments.review.address")}
              hint={t("payments.review.addressHint")}
              autoComplete="street-address"
            />
          ) : null}
          <p className="hint">{t("payments.order.hint")}</p>
          <button type="submit" className="button" disabled={sending}>
            {t("payments.review.pay")}
          </button>
        </Form>
      ) : (
        <p className="notice">{t("payments.order.notConfigured")}</p>
      )}
    </div>
  );
}
