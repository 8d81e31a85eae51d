/**
 * Request coalescing for the home pages' figures: requests that ask the same question (the same
 * key: the route and the reader's scope) while its answer is being read share that one read, so
 * fifty staff opening the home at once cost one read of the counts, not fifty. Nothing is kept
 * once the read has answered: the next request reads again.
 *
 * The bound: a shared answer comes from a read that started before the request arrived, never more
 * than that read's own duration earlier, and never before this instance's last answered write (an
 * unsafe request's answer starts a new generation, and a read of an older generation is not
 * joined), so whoever wrote through this instance reads their own write.
 */
export class SharedReads {
  #generation = 0;
  readonly #inFlight = new Map<string, { generation: number; answer: Promise<unknown> }>();

  /** A write of this instance is about to answer: what is asked from now on must see it. */
  written(): void {
    this.#generation++;
  }

  /** `load`'s answer, or the answer of the same key's read in flight of this generation. */
  read<T>(key: string, load: () => Promise<T>): Promise<T> {
    const current = this.#inFlight.get(key);
    if (current && current.generation === this.#generation) return current.answer as Promise<T>;
    const entry = { generation: this.#generation, answer: load() as Promise<unknown> };
    this.#inFlight.set(key, entry);
    const done = () => {
      if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
    };
    entry.answer.then(done, done);
    return entry.answer as Promise<T>;
  }

  /** Keys being read now (for tests). */
  get size(): number {
    return this.#inFlight.size;
  }
}

/** Reads alone: what a service uses when no instance shares its reads (scripts, the bench's EXPLAIN). */
export const UNSHARED = { read: <T>(_key: string, load: () => Promise<T>) => load() };
export type Reads = Pick<SharedReads, "read">;
