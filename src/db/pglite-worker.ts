/**
 * The embedded database's own thread (a worker_threads entry, started by pglite-remote.ts): it
 * owns the PGlite instance, so the WebAssembly that runs each statement never blocks the HTTP
 * server's event loop. It answers one message at a time, in the order they come; the main
 * thread's mutex already serializes them (one PGlite is one connection).
 *
 * Only data crosses the thread: SQL text, parameters, rows, errors as plain fields, dumps as
 * bytes. Functions cannot: the query options' parsers are rebuilt here (see `parsersFor`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import type { WorkerReply, WorkerRequest, WorkerStart } from "./pglite-remote";

const port = parentPort;
if (!port) throw new Error("pglite-worker: not started as a worker thread");
const start = workerData as WorkerStart;

/** A DatabaseError's fields (code, constraint, detail, ...) as plain values the thread can copy. */
function serializeError(error: unknown): WorkerReply & { ok: false } {
  const e = error instanceof Error ? error : new Error(String(error));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if (value === undefined || key === "queryOptions") continue;
    if (["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
    else if (key === "params") {
      try {
        fields[key] = structuredClone(value);
      } catch {
        // Parameters that cannot cross (none today): the code and message still do.
      }
    }
  }
  return { id: 0, ok: false, error: { name: e.name, message: e.message, stack: e.stack, fields } };
}

/**
 * Drizzle's pglite driver passes parsers that hand some types back as text (timestamps,
 * intervals, dates and their arrays): the main thread checks each is the identity and sends
 * only the type ids; here they become identity parsers again.
 */
function parsersFor(textTypes: number[] | undefined): QueryOptions["parsers"] {
  if (!textTypes) return undefined;
  return Object.fromEntries(textTypes.map((oid) => [oid, (value: string) => value]));
}

/** A COPY TO '/dev/blob' answer carries a Blob: its bytes cross, the main thread wraps them. */
async function plainResults(
  results: Results<unknown>,
): Promise<Omit<Results<unknown>, "blob"> & { blobBytes?: ArrayBuffer }> {
  const { blob, ...rest } = results;
  return blob ? { ...rest, blobBytes: await blob.arrayBuffer() } : rest;
}

async function open(): Promise<PGlite> {
  const loadDataDir = start.loadDataDir ? new Blob([start.loadDataDir]) : undefined;
  const pglite = new PGlite({
    dataDir: start.dataDir,
    extensions: PGLITE_EXTENSIONS,
    loadDataDir,
    pgliteWasmModule: start.pgliteWasmModule,
    initdbWasmModule: start.initdbWasmModule,
  });
  await pglite.waitReady;
  return pglite;
}

const unlistens = new Map<string, () => Promise<void>>();

async function answer(pglite: PGlite, request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case "query": {
      const { rowMode, textTypes, blob, paramTypes } = request.options ?? {};
      const result = await pglite.query(request.sql, request.params, {
        rowMode,
        parsers: parsersFor(textTypes),
        blob: blob ? new Blob([blob]) : undefined,
        paramTypes,
      });
      return plainResults(result);
    }
    case "exec":
      return Promise.all((await pglite.exec(request.sql)).map(plainResults));
    case "begin":
      await pglite.exec("BEGIN");
      return null;
    case "commit": {
      // As PGlite's own transaction(): a COMMIT of a failed transaction answers ROLLBACK.
      const [result] = await pglite.exec("COMMIT");
      if (result?.command === "ROLLBACK")
        throw new Error("the transaction was rolled back (an earlier statement failed)");
      return null;
    }
    case "rollback":
      await pglite.exec("ROLLBACK");
      return null;
    case "listen": {
      const { channel } = request;
      if (unlistens.has(channel)) return null;
      // Posted before the answer to the statement that committed the notice, so the main thread
      // hears it before that statement resolves, as with PGlite in-process.
      unlistens.set(
        channel,
        await pglite.listen(channel, (payload) => port?.postMessage({ channel, payload })),
      );
      return null;
    }
    case "unlisten": {
      const unlisten = unlistens.get(request.channel);
      unlistens.delete(request.channel);
      await unlisten?.();
      return null;
    }
    case "dump": {
      // A checkpoint first keeps the files current; nothing else runs meanwhile (the main
      // thread holds the mutex), so no transaction is half-way through when they are read.
      await pglite.exec("CHECKPOINT");
      const dump = await pglite.dumpDataDir(request.compression);
      return { bytes: await dump.arrayBuffer(), type: dump.type };
    }
    case "close":
      await pglite.close();
      return null;
  }
}

function transferables(result: unknown): ArrayBuffer[] {
  const list: ArrayBuffer[] = [];
  const add = (value: unknown) => {
    if (value && typeof value === "object") {
      const buffer =
        (value as { bytes?: unknown; blobBytes?: unknown }).bytes ??
        (value as { blobBytes?: unknown }).blobBytes;
      if (buffer instanceof ArrayBuffer) list.push(buffer);
    }
  };
  if (Array.isArray(result)) result.forEach(add);
  else add(result);
  return list;
}

open().then(
  (pglite) => {
    port.postMessage({ ready: true });
    port.on("message", (request: WorkerRequest) => {
      answer(pglite, request).then(
        (result) => {
          port.postMessage({ id: request.id, ok: true, result } satisfies WorkerReply, transferables(result));
          if (request.op === "close") port.close();
        },
        (error: unknown) => port.postMessage({ ...serializeError(error), id: request.id }),
      );
    });
  },
  (error: unknown) => port.postMessage({ ready: false, error: serializeError(error).error }),
);
