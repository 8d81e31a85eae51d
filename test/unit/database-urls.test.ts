import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/server/config";

const base = { DATA_DIR: "/tmp/hatchery-test-unused", SESSION_SECRET: "test-secret-0123456789abcdef" };

describe("database URLs", () => {
  it("send everything to DATABASE_URL when only it is set", () => {
    const config = loadConfig({ ...base, DATABASE_URL: "postgres://app@pgbouncer:6432/db" });
    expect(config.databaseDirectUrl).toBe("postgres://app@pgbouncer:6432/db");
    expect(config.databaseReadUrl).toBe("postgres://app@pgbouncer:6432/db");
  });

  it("take the direct and the read URL when given", () => {
    const config = loadConfig({
      ...base,
      DATABASE_URL: "postgres://app@pgbouncer:6432/db",
      DATABASE_DIRECT_URL: "postgres://app@primary:5432/db",
      DATABASE_READ_URL: "postgres://app@replica:5432/db",
    });
    expect(config.databaseDirectUrl).toBe("postgres://app@primary:5432/db");
    expect(config.databaseReadUrl).toBe("postgres://app@replica:5432/db");
  });

  it("stay unset on the embedded database", () => {
    const config = loadConfig(base);
    expect([config.databaseUrl, config.databaseDirectUrl, config.databaseReadUrl]).toEqual([
      null,
      null,
      null,
    ]);
  });
});
