// One schema per payments form, shared by the browser and the server.
import { z } from "zod";
import { MAX_ADDRESS, optionalText, taxCodeField } from "./fields";
import { calendarDay } from "./query";

export const orderSchema = z.object({
  packageId: z
    .string({ required_error: "payments.errors.offerNotAvailable" })
    .max(100, "payments.errors.offerNotAvailable"),
  organisationId: z
    .string({ required_error: "payments.order.noOrganisation" })
    .max(100, "payments.order.noOrganisation"),
  // Rendered with the form (orderingFor); the same key sent again finds the same order.
  orderKey: z
    .string({ required_error: "payments.errors.orderFormStale" })
    .regex(/^[A-Za-z0-9_-]{16,64}$/, "payments.errors.orderFormStale"),
  // Asked on the review step only when the organisation has none yet (the receipt prints them).
  taxCode: taxCodeField,
  address: optionalText(MAX_ADDRESS),
});

// Buttons on a pending order's page (its buyer only).
export const cancelOrderSchema = z.object({ intent: z.literal("cancel") });
export const payOrderSchema = z.object({ intent: z.literal("pay") });

export const refundSchema = z.object({
  intent: z.literal("refund"),
  // Whole đồng as typed; checked as digits so 1e6 or 250.000,5 never slip through.
  amountVnd: z
    .string({ required_error: "payments.errors.amountRequired" })
    .trim()
    .regex(/^[1-9][0-9]{0,14}$/, "payments.errors.amountInvalid"),
  reason: z
    .string({ required_error: "payments.errors.reasonRequired" })
    .trim()
    .min(1, "payments.errors.reasonRequired")
    .max(500, "payments.errors.reasonTooLong"),
});

export const retryRefundSchema = z.object({ intent: z.literal("retry-refund"), refundId: z.string().min(1).max(100) });

export const fulfilSchema = z.object({ intent: z.literal("fulfil") });

// A real day (not 0000-00-00 or 9999-99-99), checked where every period is read.
const day = calendarDay("payments.errors.periodInvalid");
export const ledgerPeriodSchema = z
  .object({ from: day, to: day })
  .refine((period) => period.from <= period.to, { message: "payments.errors.periodInvalid", path: ["to"] });

// Staff send a dead-lettered webhook event back to the worker.
export const retryEventSchema = z.object({ intent: z.literal("retry-event"), eventId: z.string().min(1).max(255) });
