import type { Database, Db } from "../../db/client";
import type { Config } from "../config";

/** What every area's routes receive: the database and the configuration, nothing global. */
export interface AreaDeps {
  db: Db;
  /** The read-only figures and reports: a replica when DATABASE_READ_URL is set, else `db`. */
  readDb: Db;
  database: Database;
  config: Config;
}
