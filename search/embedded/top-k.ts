// Used where only the first page (or the re-ranking window) of a large
// result set is needed: ordering every match would cost the most on big indexes.
/** The k smallest items by `compare`, in order, without sorting them all. */
export function topK<T>(items: ArrayLike<T>, k: number, compare: (a: T, b: T) => number, count = items.length): T[] {
  if (count <= k * 4)
    return Array.from({ length: count }, (_, index) => items[index]!)
      .sort(compare)
      .slice(0, k);
  // A max-heap of the best k so far: O(n log k).
  const heap: T[] = [];
  const up = (index: number) => {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (compare(heap[index]!, heap[parent]!) <= 0) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  };
  const down = (index: number) => {
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let largest = index;
      if (left < heap.length && compare(heap[left]!, heap[largest]!) > 0) largest = left;
      if (right < heap.length && compare(heap[right]!, heap[largest]!) > 0) largest = right;
      if (largest === index) return;
      [heap[index], heap[largest]] = [heap[largest]!, heap[index]!];
      index = largest;
    }
  };
  for (let index = 0; index < count; index++) {
    const item = items[index]!;
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
    } else if (compare(item, heap[0]!) < 0) {
      heap[0] = item;
      down(0);
    }
  }
  return heap.sort(compare);
}
