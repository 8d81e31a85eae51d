/**
 * Lock order: every transaction that locks both takes the call before the application (submit
 * holds the call FOR UPDATE for its caps, then the application). A save that moves to another
 * track holds the call FOR SHARE, so it must not hold the application while it waits for the
 * call. PostgreSQL only: PGlite runs one transaction at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp } from "../../support/app";
import { whenBlocked } from "../../support/lock-wait";
import { newCompleteDraft, newDraft, newKey, startApplicationsApp } from "./applications-support";

let t: TestApp;
beforeAll(async () => {
  t = await startApplicationsApp();
});
afterAll(() => t.close());

describe.skipIf(process.env.TEST_ENGINE !== "postgres")("locks on a call and its applications", () => {
  it("a save moving track waits for a submit holding the call, without holding the application", async () => {
    const { call, client, draft } = await newDraft(t);
    const pool = t.database.pool as NonNullable<typeof t.database.pool>;
    const submitter = await pool.connect();
    try {
      // A submit of another application of this call, mid-way: the call taken FOR UPDATE.
      await submitter.query("BEGIN");
      await submitter.query("SELECT id FROM calls WHERE id = $1 FOR UPDATE", [call.id]);
      const saving = await whenBlocked(
        pool,
        client.patch(`/api/applications/${draft.id}`, { version: draft.version, track: "space" }),
      );
      expect(saving.blocked, "the save should wait for the call").toBe(true);
      // Then the application, as submit does: free, because the waiting save holds nothing of it.
      await submitter.query("SET LOCAL lock_timeout = '5s'");
      await submitter.query("SELECT id FROM applications WHERE id = $1 FOR UPDATE", [draft.id]);
      await submitter.query("COMMIT");
      const saved = await saving.result;
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json().track).toBe("space");
    } finally {
      submitter.release();
    }
  });

  it("saves moving track racing submits of the same application end in 200 or 409, never 500", async () => {
    for (let i = 0; i < 10; i++) {
      const { client, draft } = await newCompleteDraft(t);
      const [save, submit] = await Promise.all([
        client.patch(`/api/applications/${draft.id}`, { version: draft.version, track: "space" }),
        client.post(
          `/api/applications/${draft.id}/submit`,
          { version: draft.version },
          { "idempotency-key": newKey() },
        ),
      ]);
      expect([200, 409], save.body).toContain(save.statusCode);
      expect([200, 400, 409], submit.body).toContain(submit.statusCode);
    }
  });
});
