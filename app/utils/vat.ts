// Prices on the market include VAT (the price the provider lists is what the
// buyer pays). A receipt shows the part that is VAT and the part before it,
// in whole đồng: VAT = total × rate / (100 + rate), rounded half up to the
// nearest đồng, and the pre-VAT amount is the total minus that VAT, so the
// two always add up to the total paid.
export function vatBreakdown(
  totalVnd: bigint,
  vatPercent: number,
): { preVatVnd: bigint; vatVnd: bigint; totalVnd: bigint } {
  if (!Number.isInteger(vatPercent) || vatPercent < 0)
    throw new RangeError(`VAT rate must be a whole percent, got ${vatPercent}`);
  const rate = BigInt(vatPercent);
  // Half up on whole numbers: floor((2·total·rate + (100 + rate)) / (2·(100 + rate))).
  const vatVnd = (2n * totalVnd * rate + (100n + rate)) / (2n * (100n + rate));
  return { preVatVnd: totalVnd - vatVnd, vatVnd, totalVnd };
}
