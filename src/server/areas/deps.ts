import type { Database, Db } from "../../db/client";
import type { Config } from "../config";
import type { SharedReads } from "../shared-reads";

/** What every area's routes receive: the database and the configuration, nothing global. */
export interface AreaDeps {
  db: Db;
  /** The read-only figures and reports: a replica when DATABASE_READ_URL is set, else `db`. */
  readDb: Db;
  database: Database;
  /** Coalesces identical figure reads in flight (src/server/shared-reads.ts). */
  shared: SharedReads;
  config: Config;
}
