/**
 * Per-document facet codes and visibility in flat typed arrays indexed by
 * rowid. search() filters and counts facets once per matching document, often
 * tens of thousands of them; reading small integers from contiguous arrays is
 * several times faster there than walking one object (and nested arrays) per
 * document.
 *
 * Each field has a stride: the most values any document has for it. A
 * document's codes sit at [rowid * stride, rowid * stride + stride), padded
 * with -1. A document with more values than the stride widens the field.
 */
export const ABSENT = 0;
export const UNPUBLISHED = 1;
export const PUBLISHED = 2;

export class FacetColumns {
  private capacity = 0;
  visibility = new Uint8Array(0);
  /** Milliseconds since the epoch; 0 when unknown. */
  publishedAt = new Float64Array(0);
  /** NaN when the document has no price. */
  priceMin = new Float64Array(0);
  strides: number[];
  codes: Int32Array[];

  constructor(private readonly fieldCount: number) {
    this.strides = Array.from({ length: fieldCount }, () => 1);
    this.codes = Array.from({ length: fieldCount }, () => new Int32Array(0));
  }

  clear() {
    this.capacity = 0;
    this.visibility = new Uint8Array(0);
    this.publishedAt = new Float64Array(0);
    this.priceMin = new Float64Array(0);
    this.strides = Array.from({ length: this.fieldCount }, () => 1);
    this.codes = Array.from({ length: this.fieldCount }, () => new Int32Array(0));
  }

  set(rowid: number, published: boolean, facets: number[][], publishedAt: number | null, priceMin: number | null) {
    if (rowid >= this.capacity) this.resize(Math.max(rowid + 1, this.capacity * 2, 1024));
    for (let field = 0; field < this.fieldCount; field++) {
      const values = facets[field]!;
      if (values.length > this.strides[field]!) this.widen(field, values.length);
      const stride = this.strides[field]!;
      const column = this.codes[field]!;
      const base = rowid * stride;
      for (let k = 0; k < stride; k++) column[base + k] = k < values.length ? values[k]! : -1;
    }
    this.visibility[rowid] = published ? PUBLISHED : UNPUBLISHED;
    this.publishedAt[rowid] = publishedAt ?? 0;
    this.priceMin[rowid] = priceMin ?? Number.NaN;
  }

  delete(rowid: number) {
    if (rowid < this.capacity) this.visibility[rowid] = ABSENT;
  }

  private resize(capacity: number) {
    const visibility = new Uint8Array(capacity);
    visibility.set(this.visibility);
    this.visibility = visibility;
    const publishedAt = new Float64Array(capacity);
    publishedAt.set(this.publishedAt);
    this.publishedAt = publishedAt;
    const priceMin = new Float64Array(capacity).fill(Number.NaN);
    priceMin.set(this.priceMin);
    this.priceMin = priceMin;
    this.codes = this.codes.map((column, field) => {
      const grown = new Int32Array(capacity * this.strides[field]!).fill(-1);
      grown.set(column);
      return grown;
    });
    this.capacity = capacity;
  }

  private widen(field: number, stride: number) {
    const old = this.strides[field]!;
    const column = this.codes[field]!;
    const wide = new Int32Array(this.capacity * stride).fill(-1);
    for (let rowid = 0; rowid < this.capacity; rowid++) {
      for (let k = 0; k < old; k++) wide[rowid * stride + k] = column[rowid * old + k]!;
    }
    this.codes[field] = wide;
    this.strides[field] = stride;
  }
}

/**
 * Per-query working arrays indexed by rowid, kept between queries: allocating
 * and collecting a megabyte of them per query cost more than the search.
 * search() uses them synchronously, so one set per engine is enough.
 */
export class RowScratch {
  private capacity = 0;
  coverage = new Uint8Array(0);
  accepted = new Uint8Array(0);
  seen = new Uint8Array(0);
  rowids = new Int32Array(0);

  reset(size: number) {
    if (size > this.capacity) {
      this.capacity = Math.ceil(size * 1.25);
      this.coverage = new Uint8Array(this.capacity);
      this.accepted = new Uint8Array(this.capacity);
      this.seen = new Uint8Array(this.capacity);
      this.rowids = new Int32Array(this.capacity);
      return;
    }
    this.coverage.fill(0, 0, size);
    this.accepted.fill(0, 0, size);
    this.seen.fill(0, 0, size);
  }
}
