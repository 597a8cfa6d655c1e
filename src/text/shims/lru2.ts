// A memory of bounded size that keeps what is in use: two generations, the newer one read first; when it
// is full the older one is dropped. A frame asks for the same few hundred lines again and again, so they
// stay; lines that scrolled away are forgotten within two generations.
export interface Memo<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
}

export function twoGenerations<K, V>(size: number): Memo<K, V> {
  let young = new Map<K, V>();
  let old = new Map<K, V>();
  return {
    get(key) {
      const hit = young.get(key);
      if (hit !== undefined) return hit;
      const aged = old.get(key);
      if (aged !== undefined) this.set(key, aged);
      return aged;
    },
    set(key, value) {
      if (young.size >= size) {
        old = young;
        young = new Map();
      }
      young.set(key, value);
    },
  };
}
