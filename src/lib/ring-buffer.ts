// Fixed-capacity FIFO: the newest `capacity` items, oldest dropped first, so log memory stays bounded however
// long the app (or the simulator) runs (k9s caps at 5k lines, kdash at 10k; see the field notes).
export class RingBuffer<T> {
  private items: (T | undefined)[];
  private start = 0;
  private size = 0;
  /** how many items were pushed out since creation (or the last clear) */
  dropped = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.items = new Array<T | undefined>(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size < this.capacity) {
      this.items[(this.start + this.size) % this.capacity] = item;
      this.size++;
    } else {
      this.items[this.start] = item;
      this.start = (this.start + 1) % this.capacity;
      this.dropped++;
    }
  }

  /** i = 0 is the oldest item; i must be below length */
  at(i: number): T {
    return this.items[(this.start + i) % this.capacity] as T;
  }

  newest(): T | undefined {
    return this.size === 0 ? undefined : this.at(this.size - 1);
  }

  /** oldest first */
  toArray(): T[] {
    const out = new Array<T>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i);
    return out;
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity);
    this.start = 0;
    this.size = 0;
    this.dropped = 0;
  }
}
