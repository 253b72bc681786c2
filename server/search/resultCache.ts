/**
 * Recent answers, keyed by everything a result depends on. Agents repeat popular queries and
 * every as-you-type prefix on the way to them; an answer is reused only while the index is at
 * the same generation (any change clears the cache), so it is never stale.
 */
export class ResultCache<V> {
  private entries = new Map<string, V>();

  constructor(private readonly capacity = 2000) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // most recently used last: Map keeps insertion order
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
