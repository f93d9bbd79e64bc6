import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { titleMeta } from "~/i18n/meta";
import { parseWithZod } from "@conform-to/zod";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PaymentsModeBanner } from "~/components/payments-mode-banner";
import { ErrorSummary, TextAreaField, TextField } from "~/components/form";
import { MessageThread } from "~/components/message-thread";
import { ReceiptDocument } from "~/components/order-receipt";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { openThread } from "~/models/message.server";
import {
  cancelOrder,
  fulfilOrder,
  getOrderForViewer,
  OrderFailure,
  refundOrder,
  retryCheckout,
  retryRefund,
} from "~/models/order.server";
import { flash } from "~/models/session.server";
import { env } from "~/env.server";
import { checkoutReturnBase } from "~/payments/return-origin";
import receiptStyles from "~/styles/receipt.css";
import { vatBreakdown } from "~/utils/vat";
import { vndInWords } from "~/utils/vnd-words.server";
import { cancelOrderSchema, fulfilSchema, payOrderSchema, refundSchema, retryRefundSchema } from "~/schemas/payments";
import { formatDateTime, formatVnd } from "~/utils/format";
import { isStaff, notFound, requireOrgMember, requireStaff, requireUser } from "~/utils/permissions.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: receiptStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data?.metaTitle ? [{ title: data.metaTitle }] : titleMeta(matches, "payments.list.order");

async function load(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  // Neither buyer nor provider (nor staff): 404, as for an order that does not exist.
  const order = id ? await getOrderForViewer(id, { userId: user.id, staff: isStaff(user) }) : null;
  if (!order) throw notFound();
  return { user, order };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, order } = await load(request, params.id);
  const t = await i18next.getFixedT(request);
  const providerMember = await requireOrgMember(request, order.provider.id).then(
    () => true,
    () => false,
  );
  const buyerMember = await requireOrgMember(request, order.buyer.id).then(
    () => true,
    () => false,
  );
  // The buyer's and provider's private thread (issue 14 part 4); its form posts to /orders/$id/messages.
  const thread = await openThread({ kind: "order", id: order.id }, { id: user.id, isStaff: isStaff(user) });
  return json(
    {
      metaTitle: t("payments.receipt.metaTitle", { id: order.number }),
      order,
      // Prices include VAT: the receipt shows the part before it and the VAT in it, and the total in words.
      totals: (({ preVatVnd, vatVnd }) => ({ preVatVnd: Number(preVatVnd), vatVnd: Number(vatVnd) }))(
        vatBreakdown(BigInt(order.amountVnd), order.vatPercent),
      ),
      amountInWords: vndInWords(order.amountVnd),
      canFulfil: providerMember && order.status === "PAID",
      canRefund: isStaff(user) && ["PAID", "FULFILLED", "PARTIALLY_REFUNDED"].includes(order.status),
      // The buyer's own way out of an unpaid order, and back in when its payment page never opened.
      canCancel: buyerMember && order.status === "PENDING",
      canRetryPay: buyerMember && order.status === "PENDING" && !order.checkoutUrl,
      thread,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, order } = await load(request, params.id);
  const formData = await request.formData();
  const here = `/orders/${order.id}`;
  if (formData.get("intent") === "fulfil") {
    if (parseWithZod(formData, { schema: fulfilSchema }).status !== "success") throw notFound();
    await requireOrgMember(request, order.provider.id);
    await fulfilOrder(order.id, order.provider.id, user.id);
    return flash(request, here, { key: "payments.flash.fulfilled" });
  }
  const intent = formData.get("intent");
  if (intent === "cancel" || intent === "pay") {
    // Only the buying organisation's members; anyone else gets the same 404 as for a missing order.
    await requireOrgMember(request, order.buyer.id);
    const buyer = { orderId: order.id, buyerOrganisationId: order.buyer.id, actorId: user.id };
    try {
      if (intent === "cancel") {
        if (parseWithZod(formData, { schema: cancelOrderSchema }).status !== "success") throw notFound();
        await cancelOrder(buyer);
        return flash(request, here, { key: "payments.flash.cancelled" });
      }
      if (parseWithZod(formData, { schema: payOrderSchema }).status !== "success") throw notFound();
      return redirect(
        await retryCheckout({ ...buyer, returnBase: checkoutReturnBase(request.url, env.APP_URL, env.PORT) }),
        303,
      );
    } catch (error) {
      if (!(error instanceof OrderFailure)) throw error;
      const status = error.code === "providerUnavailable" || error.code === "notConfigured" ? 503 : 409;
      return json({ orderError: `payments.errors.${error.code}` }, { status });
    }
  }
  await requireStaff(request);
  if (formData.get("intent") === "retry-refund") {
    const retry = parseWithZod(formData, { schema: retryRefundSchema });
    if (retry.status !== "success") throw notFound();
    return refundOutcome(
      request,
      here,
      (formErrors) => ({ status: "error", error: { "": formErrors } }),
      () => retryRefund({ orderId: order.id, refundId: retry.value.refundId, actorId: user.id }),
    );
  }
  const submission = parseWithZod(formData, { schema: refundSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const value = submission.value;
  return refundOutcome(
    request,
    here,
    (formErrors) => submission.reply({ formErrors }),
    () =>
      refundOrder({ orderId: order.id, amountVnd: BigInt(value.amountVnd), reason: value.reason, actorId: user.id }),
  );
}

async function refundOutcome(
  request: Request,
  here: string,
  reply: (formErrors: string[]) => SubmissionResult<string[]>,
  run: () => Promise<void>,
) {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof OrderFailure)) throw error;
    const status = error.code === "providerUnavailable" ? 503 : error.code === "conflict" ? 409 : 400;
    const formErrors = [`payments.errors.${error.code}`];
    return json({ result: reply(formErrors) }, { status });
  }
  return flash(request, here, { key: "payments.flash.refunded" });
}

// One of the order's one-button actions (pay again, cancel, mark delivered):
// a plain post that works without JavaScript.
function IntentButton({
  intent,
  label,
  hint,
  secondary,
}: {
  intent: string;
  label: string;
  hint?: string;
  secondary?: boolean;
}) {
  return (
    <Form method="post">
      {hint ? <p className="hint">{hint}</p> : null}
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={secondary ? "button button-secondary" : "button"}>
        {label}
      </button>
    </Form>
  );
}

export default function OrderReceipt() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { order, totals, amountInWords, canFulfil, canRefund, canCancel, canRetryPay, thread } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    id: "refund",
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: refundSchema }),
  });
  const vnd = (amount: number) => formatVnd(amount, language);
  const remaining = (order.amountPaidVnd ?? 0) - order.amountRefundedVnd;
  const checkout = searchParams.get("checkout");
  return (
    <div className="receipt-page">
      <p className="no-print">
        <Link to="/orders">{t("payments.list.buyerTitle")}</Link>
      </p>
      <PaymentsModeBanner />
      {actionData && "orderError" in actionData ? (
        <div className="notice notice-error no-print" role="alert">
          {t(actionData.orderError as "payments.errors.conflict")}
        </div>
      ) : null}
      {checkout === "success" && order.status === "PENDING" ? (
        <p className="notice no-print" role="status">
          {t("payments.receipt.checkoutSuccess")}
        </p>
      ) : null}
      {checkout === "cancelled" && order.status === "PENDING" ? (
        <p className="notice no-print" role="status">
          {t("payments.receipt.checkoutCancelled")}
        </p>
      ) : null}
      <ReceiptDocument order={order} totals={totals} amountInWords={amountInWords} />
      <div className="no-print">
        {order.checkoutUrl ? (
          <p>
            <a className="button" href={order.checkoutUrl}>
              {t("payments.receipt.pay")}
            </a>
          </p>
        ) : null}
        {canRetryPay ? (
          <IntentButton intent="pay" label={t("payments.receipt.pay")} hint={t("payments.receipt.noCheckoutHint")} />
        ) : null}
        {canCancel ? <IntentButton intent="cancel" label={t("payments.receipt.cancel")} secondary /> : null}
        {canFulfil ? <IntentButton intent="fulfil" label={t("payments.receipt.fulfil")} /> : null}
        {order.refunds.length || canRefund ? <h2>{t("payments.receipt.refundsTitle")}</h2> : null}
        {order.refunds.length ? (
          <ul className="plain-list">
            {order.refunds.map((r) => (
              <li key={r.id}>
                {`${formatDateTime(r.createdAt, language)} · ${vnd(r.amountVnd)} · ${t(
                  `payments.refundStatuses.${r.status}`,
                )} · ${r.reason}`}
                {canRefund && r.status === "PENDING" ? (
                  <Form method="post">
                    <p className="hint">{t("payments.receipt.refundPendingHint")}</p>
                    <input type="hidden" name="intent" value="retry-refund" />
                    <input type="hidden" name="refundId" value={r.id} />
                    <button type="submit" className="button button-secondary">
                      {t("payments.receipt.refundRetry")}
                    </button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {canRefund ? (
          <>
            <ErrorSummary fields={{ amountVnd: fields.amountVnd, reason: fields.reason }} formErrors={form.errors} />
            <Form method="post" {...getFormProps(form)}>
              <input type="hidden" name="intent" value="refund" />
              <TextField
                field={fields.amountVnd}
                label={t("payments.receipt.refundAmount")}
                hint={t("payments.receipt.refundAmountHint", { remaining: vnd(remaining) })}
              />
              <TextAreaField field={fields.reason} label={t("payments.receipt.refundReason")} />
              <button type="submit" className="button button-warning">
                {t("payments.receipt.refundSubmit")}
              </button>
            </Form>
          </>
        ) : null}
        {thread ? <MessageThread thread={thread} action={`/orders/${order.id}/messages`} /> : null}
      </div>
    </div>
  );
}
