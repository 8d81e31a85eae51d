/**
 * One channel of PostgreSQL's LISTEN/NOTIFY, on either engine.
 *
 * PostgreSQL: a connection of its own to the direct URL (a LISTEN belongs to a server session,
 * which a transaction-mode pooler would hand to someone else), kept up: when it drops, `onDown`
 * is told at once and it reconnects after a pause that doubles up to 30 s, then `onUp`.
 * PGlite: the embedded database's own `listen`, which delivers a notice during the commit that
 * sent it and cannot drop.
 */
import pg from "pg";
import type { Database } from "./client";

export interface ChannelHandlers {
  onNotice(payload: string): void;
  /** Listening: every notice committed from now on arrives. */
  onUp(): void;
  /** Not listening (never was, or the connection dropped): notices may be missed until onUp. */
  onDown(error: Error): void;
}

export interface ChannelListener {
  /** Drops the connection and starts again (a notice that should have come did not). */
  reconnect(): void;
  stop(): Promise<void>;
}

const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;

/** Resolves after the first attempt to listen, whether it succeeded (onUp) or not (onDown). */
export async function listenTo(
  database: Database,
  channel: string,
  handlers: ChannelHandlers,
): Promise<ChannelListener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a plain channel name: ${channel}`);
  if (database.pglite) {
    const unlisten = await database.pglite.listen(channel, handlers.onNotice);
    handlers.onUp();
    return { reconnect: () => {}, stop: () => unlisten() };
  }
  if (!database.directUrl) throw new Error("listenTo: a PostgreSQL database without a URL");
  return listenOnPostgres(database.directUrl, channel, handlers);
}

async function listenOnPostgres(
  url: string,
  channel: string,
  handlers: ChannelHandlers,
): Promise<ChannelListener> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let pause = FIRST_PAUSE_MS;
  let attempt: Promise<void> = Promise.resolve();

  const connect = async () => {
    const client = new pg.Client({
      connectionString: url,
      // A peer that vanished without closing the socket is noticed by TCP keepalive.
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      application_name: `hatchery listen ${channel}`,
    });
    let lost = false;
    const lose = (error: Error) => {
      if (lost) return;
      lost = true;
      if (current === client) current = null;
      client.end().catch(() => {});
      if (stopped) return;
      handlers.onDown(error);
      retry = setTimeout(() => {
        attempt = connect();
      }, pause);
      retry.unref();
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    };
    client.on("error", lose);
    client.on("end", () => lose(new Error("the listening connection ended")));
    client.on("notification", (message) => {
      if (!lost && message.channel === channel) handlers.onNotice(message.payload ?? "");
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      lose(error as Error);
      return;
    }
    if (stopped || lost) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
    pause = FIRST_PAUSE_MS;
    handlers.onUp();
  };

  attempt = connect();
  await attempt;
  return {
    reconnect() {
      current?.emit("error", new Error("reconnecting: a notice did not arrive in time"));
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await attempt;
      await current?.end().catch(() => {});
      current = null;
    },
  };
}
