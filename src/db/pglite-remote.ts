/**
 * The embedded database seen from the HTTP server's thread: PGlite runs in a worker thread
 * (pglite-worker.ts) and this client speaks to it by messages, so a long statement no longer
 * stops every other request's JavaScript (PGlite's WebAssembly runs on the thread that calls it).
 *
 * It offers the part of PGlite's interface that Drizzle's pglite driver and this code use:
 * `query`, `exec`, `transaction` (with `query`/`sql`/`exec`/`rollback` on the transaction),
 * `listen`, `dumpDataDir`, `close`, `waitReady`.
 *
 * One mutex: PGlite is one connection, so every statement, and every transaction from BEGIN to
 * COMMIT, takes it in turn. A transaction's callback runs here, on the main thread, between
 * messages; holding the mutex across it is what keeps another request's statement from landing
 * inside an open transaction. (In-process PGlite does the same with its own transaction lock.)
 *
 * If the worker dies, every waiting call and every later one rejects with a clear error and
 * `onExit` is told: the server logs it and exits, for its supervisor to start it again.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import type { QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import { queueOrder } from "./statement-count";
import { startModuleWorker } from "./worker-module";

type DumpCompression = "none" | "gzip" | "auto";

/** What the worker is started with. */
export interface WorkerStart {
  /** A directory on disk; none for a database in memory. */
  dataDir?: string;
  /** A dump (`dumpDataDir`) to start from, as the tests' template. */
  loadDataDir?: Uint8Array<ArrayBuffer>;
  /** PGlite's WebAssembly, compiled once per process and shared by its workers (`compiled`). */
  pgliteWasmModule?: WebAssembly.Module;
  initdbWasmModule?: WebAssembly.Module;
}

let compiled: Promise<Pick<WorkerStart, "pgliteWasmModule" | "initdbWasmModule">> | undefined;

/**
 * PGlite's two WebAssembly modules, compiled once: a worker given them skips compiling 9 MB of
 * WebAssembly, which a process opening a database per test file would otherwise pay each time.
 */
function compiledModules(): NonNullable<typeof compiled> {
  compiled ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const [pglite, initdb] = await Promise.all(
      ["pglite.wasm", "initdb.wasm"].map(async (file) =>
        WebAssembly.compile(await readFile(path.join(dist, file))),
      ),
    );
    return { pgliteWasmModule: pglite, initdbWasmModule: initdb };
  })();
  return compiled;
}

type WorkerOp =
  | {
      op: "query";
      sql: string;
      params?: unknown[];
      options?: {
        rowMode?: "array" | "object";
        /** Types to hand back as text (Drizzle's identity parsers). */
        textTypes?: number[];
        blob?: ArrayBuffer;
        paramTypes?: number[];
      };
    }
  | { op: "exec"; sql: string }
  | { op: "begin" | "commit" | "rollback" }
  | { op: "listen" | "unlisten"; channel: string }
  | { op: "dump"; compression?: DumpCompression }
  | { op: "close" };

export type WorkerRequest = { id: number } & WorkerOp;

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

export type WorkerReply = { id: number } & (
  | { ok: true; result: unknown }
  | { ok: false; error: SerializedError }
);

type WorkerMessage =
  | WorkerReply
  | { channel: string; payload: string }
  | { ready: boolean; error?: SerializedError };

/** The error the worker answered, with the fields our code reads (code, constraint, detail...). */
function revive(serialized: SerializedError): Error {
  const error = new Error(serialized.message);
  error.name = serialized.name;
  Object.assign(error, serialized.fields);
  // The worker's frames (where PGlite raised it), then ours (who asked).
  const here = error.stack?.split("\n").slice(1).join("\n") ?? "";
  error.stack = `${serialized.stack ?? `${serialized.name}: ${serialized.message}`}\n    --- in the PGlite worker, asked from:\n${here}`;
  return error;
}

/** Drizzle's parsers return the text as it came; only such parsers can be rebuilt in the worker. */
function textTypesOf(parsers: QueryOptions["parsers"]): number[] | undefined {
  if (!parsers) return undefined;
  const probe = "\u0000text\u0000";
  return Object.entries(parsers).map(([oid, parse]) => {
    if (parse(probe, Number(oid)) !== probe) {
      throw new Error(
        `pglite-remote: the parser for type ${oid} is not the identity; only those cross to the worker`,
      );
    }
    return Number(oid);
  });
}

type Plain = Results & { blobBytes?: ArrayBuffer };
function withBlob(result: Plain): Results {
  const { blobBytes, ...rest } = result;
  return blobBytes ? { ...rest, blob: new Blob([blobBytes]) } : rest;
}

/** The worker (pglite-worker.ts, or its bundle beside the built server's main.js: worker-module.ts). */
function startWorker(start: WorkerStart): Worker {
  const here = import.meta.url;
  // The dump's bytes move to the worker (transferred), unless they are part of a larger buffer
  // (a pooled Buffer), which is copied rather than taken from its other users.
  const dump = start.loadDataDir;
  const whole = !dump || (dump.byteOffset === 0 && dump.byteLength === dump.buffer.byteLength);
  const workerData: WorkerStart = whole ? start : { ...start, loadDataDir: dump.slice() };
  const transfer = workerData.loadDataDir ? [workerData.loadDataDir.buffer] : [];
  // No inherited flags: the bench's probe (--import bench/sql-probe.ts) belongs to the main thread.
  const common = { workerData, transferList: transfer, execArgv: [] };
  return startModuleWorker(here, "pglite-worker", common);
}

/**
 * One at a time; of those waiting, the oldest request first (`queueOrder`), then the order asked.
 * First come first served by statement would advance every request in flight one statement per
 * round, so under load all of them finish late together; by request, they finish one after
 * another, as when PGlite ran in-process and held the event loop.
 */
class Mutex {
  #busy = false;
  #waiting: { order: number; resume(): void }[] = [];
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#busy) {
      const order = queueOrder();
      await new Promise<void>((resume) => this.#waiting.push({ order, resume }));
    } else this.#busy = true;
    try {
      return await work();
    } finally {
      this.#next();
    }
  }
  #next(): void {
    let first = 0;
    for (let i = 1; i < this.#waiting.length; i++) {
      if ((this.#waiting[i]?.order ?? 0) < (this.#waiting[first]?.order ?? 0)) first = i;
    }
    const [next] = this.#waiting.splice(first, 1);
    if (next) next.resume();
    else this.#busy = false;
  }
}

export class PgliteRemote {
  readonly waitReady: Promise<void>;
  #worker: Worker;
  #mutex = new Mutex();
  #nextId = 1;
  #pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  #listeners = new Map<string, Set<(payload: string) => void>>();
  #failure: Error | null = null;
  #closing = false;
  #started = false;

  /** Starts the worker and resolves once its database is open. */
  static async open(
    start: WorkerStart,
    options: { onExit?: (error: Error) => void } = {},
  ): Promise<PgliteRemote> {
    const remote = new PgliteRemote({ ...start, ...(await compiledModules()) }, options.onExit);
    await remote.waitReady;
    return remote;
  }

  private constructor(start: WorkerStart, onExit?: (error: Error) => void) {
    this.#worker = startWorker(start);
    let ready = (_: unknown) => {};
    let failed = (_: Error) => {};
    this.waitReady = new Promise<void>((resolve, reject) => {
      ready = resolve as never;
      failed = reject;
    });
    this.#worker.on("message", (message: WorkerMessage) => {
      if ("ready" in message) {
        this.#started = message.ready;
        if (message.ready) ready(undefined);
        else failed(revive(message.error as SerializedError));
        this.#idle(); // referenced while starting
      } else if ("channel" in message) {
        for (const callback of this.#listeners.get(message.channel) ?? []) callback(message.payload);
      } else {
        const call = this.#pending.get(message.id);
        this.#pending.delete(message.id);
        this.#idle();
        if (message.ok) call?.resolve(message.result);
        else call?.reject(revive(message.error));
      }
    });
    let crash: Error | null = null;
    this.#worker.on("error", (error) => {
      crash = error;
    });
    this.#worker.on("exit", (code) => {
      const reason = crash ? `: ${crash.message}` : ` (exit code ${code})`;
      const error = new Error(
        this.#closing ? "the embedded database is closed" : `the embedded database's worker stopped${reason}`,
        { cause: crash ?? undefined },
      );
      this.#failure = error;
      failed(error);
      for (const call of this.#pending.values()) call.reject(error);
      this.#pending.clear();
      // A worker that never opened its database failed `open`, which says why.
      if (!this.#closing && this.#started) onExit?.(error);
    });
  }

  get closed(): boolean {
    return this.#failure !== null || this.#closing;
  }

  /** The worker keeps the process alive only while it has work (a script that forgets to close). */
  #idle(): void {
    if (this.#pending.size === 0) this.#worker.unref();
    else this.#worker.ref();
  }

  #call<T>(request: WorkerOp, transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closing && request.op !== "close") {
      return Promise.reject(new Error("the embedded database is closed"));
    }
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#idle();
      try {
        this.#worker.postMessage({ ...request, id }, transfer);
      } catch (error) {
        // A parameter the structured clone refuses (a function, a symbol): nothing was sent.
        this.#pending.delete(id);
        this.#idle();
        reject(error);
      }
    });
  }

  async #query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    if (options?.serializers || options?.onNotice) {
      throw new Error("pglite-remote: serializers and onNotice do not cross to the worker");
    }
    const blob = options?.blob ? await options.blob.arrayBuffer() : undefined;
    const result = await this.#call<Plain>(
      {
        op: "query",
        sql,
        params,
        options: options && {
          rowMode: options.rowMode,
          textTypes: textTypesOf(options.parsers),
          blob,
          paramTypes: options.paramTypes,
        },
      },
      blob ? [blob] : [],
    );
    return withBlob(result) as Results<T>;
  }

  async #exec(sql: string): Promise<Results[]> {
    return (await this.#call<Plain[]>({ op: "exec", sql })).map(withBlob);
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#mutex.run(() => this.#query<T>(sql, params, options));
  }

  exec(sql: string, _options?: QueryOptions): Promise<Results[]> {
    return this.#mutex.run(() => this.#exec(sql));
  }

  async sql<T>(strings: TemplateStringsArray, ...params: unknown[]): Promise<Results<T>> {
    return this.query<T>(...templated(strings, params));
  }

  /** As PGlite's: BEGIN, the callback, COMMIT; ROLLBACK if it throws. The mutex is held throughout. */
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.#mutex.run(async () => {
      await this.#call({ op: "begin" });
      let closed = false;
      const open = () => {
        if (closed) throw new Error("Transaction is closed");
      };
      const tx: Transaction = {
        query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
          open();
          return this.#query<R>(sql, params, options);
        },
        sql: async <R>(strings: TemplateStringsArray, ...params: unknown[]) => {
          open();
          return this.#query<R>(...templated(strings, params));
        },
        exec: async (sql: string) => {
          open();
          return this.#exec(sql);
        },
        rollback: async () => {
          open();
          await this.#call({ op: "rollback" });
          closed = true;
        },
        listen: async () => {
          throw new Error("pglite-remote: listen inside a transaction is not supported");
        },
        get closed() {
          return closed;
        },
      };
      try {
        const result = await callback(tx);
        if (!closed) {
          closed = true;
          await this.#call({ op: "commit" });
        }
        return result;
      } catch (error) {
        if (!closed) {
          closed = true;
          await this.#call({ op: "rollback" }).catch(() => {});
        }
        throw error;
      }
    });
  }

  /** Notices arrive before the answer to the statement whose commit sent them. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    let callbacks = this.#listeners.get(channel);
    if (!callbacks) {
      callbacks = new Set();
      this.#listeners.set(channel, callbacks);
      await this.#mutex.run(() => this.#call({ op: "listen", channel }));
    }
    callbacks.add(callback);
    return async () => {
      const current = this.#listeners.get(channel);
      current?.delete(callback);
      if (current?.size === 0) {
        this.#listeners.delete(channel);
        if (!this.closed) await this.#mutex.run(() => this.#call({ op: "unlisten", channel }));
      }
    };
  }

  /**
   * The data directory as a tarball, taken after a CHECKPOINT while holding the mutex, so no
   * transaction is half-way through.
   */
  async dumpDataDir(compression?: DumpCompression): Promise<Blob> {
    const dump = await this.#mutex.run(() =>
      this.#call<{ bytes: ArrayBuffer; type: string }>({ op: "dump", compression }),
    );
    return new Blob([dump.bytes], { type: dump.type });
  }

  /** Ends the worker at once, as a crash would: what waits rejects, `onExit` is told (tests). */
  async stopWorker(): Promise<void> {
    await this.#worker.terminate();
  }

  #closed: Promise<void> | null = null;

  /** Waits for what is queued, closes the database, ends the worker; a second call waits for the first. */
  close(): Promise<void> {
    this.#closed ??= this.closed
      ? Promise.resolve()
      : (async () => {
          await this.#mutex.run(async () => {
            this.#closing = true;
            await this.#call({ op: "close" });
          });
          await this.#worker.terminate();
        })();
    return this.#closed;
  }
}

/** A tagged template as text with $1, $2... and its parameters. */
function templated(strings: TemplateStringsArray, params: unknown[]): [string, unknown[]] {
  return [strings.reduce((text, part, i) => `${text}$${i}${part}`), params];
}
