/**
 * A Map that forgets its oldest entry (insertion order) once it holds more than `limit`: the one
 * shape of every memo and "last n" record that must not grow with a process's life. Setting a
 * key it holds keeps that key's place; to make it the newest, delete it first.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    super.set(key, value);
    if (this.size > this.limit) this.delete(this.keys().next().value as K);
    return this;
  }
}
