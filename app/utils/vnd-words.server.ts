// "Bằng chữ" on a receipt: a whole amount of đồng read out in Vietnamese by
// read-vietnamese-number (arbitrary size as a string, no float rounding),
// with the first letter capitalised as Vietnamese invoices write it.
import { doReadNumber, ReadingConfig } from "read-vietnamese-number";

const config = new ReadingConfig();
config.unit = ["đồng"];

export function vndInWords(amountVnd: bigint | number): string {
  const value = BigInt(amountVnd);
  if (value < 0n) throw new RangeError("a receipt amount is never negative");
  const words = doReadNumber(value.toString(), config);
  return words.charAt(0).toLocaleUpperCase("vi-VN") + words.slice(1);
}
