/**
 * A property over the grant routes: whatever sequence of lifecycle events and tranche steps two
 * staff members fire at three grants sharing one fund (which holds enough for two of them), the
 * fund is never committed beyond what it holds, every status change in the history is one the
 * domain's table allows, each grant's status is the last one its history names, and what was
 * paid never exceeds what was granted.
 */
import { asc, eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { grantEvents, grants, grantTranches } from "../../../src/db/schema";
import {
  COMMITTED_GRANT_STATUSES,
  type GrantEvent,
  nextGrantStatus,
} from "../../../src/domain/funding/grant";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { proposal, propose } from "./grants-support";
import { fund, project } from "./support";

let t: TestApp;
let staff: Client[];
beforeAll(async () => {
  t = await startTestApp();
  staff = [await t.signIn("staff"), await t.signIn("staff2")];
});
afterAll(() => t.close());

const ACTS = [
  "approve",
  "sign",
  "suspend",
  "resume",
  "close",
  "cancel",
  "prepare",
  "pay",
  "withdraw",
] as const;
const step = fc.record({
  grant: fc.integer({ min: 0, max: 2 }),
  act: fc.constantFrom(...ACTS),
  by: fc.integer({ min: 0, max: 1 }),
});

it("keeps the fund within its capacity and every status change within the table", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 18 }), async (steps) => {
      const f = await fund(t, { kind: "seed_fund", capacityFen: 10_000_000 });
      const ids: string[] = [];
      for (const _ of [0, 1, 2]) {
        const p = await project(t, (await make(t).organization()).id);
        ids.push(await propose(staff[0] as Client, proposal(p.id, f.id, 5_000_000)));
      }
      for (const s of steps) {
        const client = staff[s.by] as Client;
        const id = ids[s.grant] as string;
        const g = (await client.get(`/api/grants/${id}`)).json();
        let res: { statusCode: number; body: string };
        if (s.act === "prepare" || s.act === "pay" || s.act === "withdraw") {
          const tr = g.tranches.find((x: { status: string }) => x.status !== "paid") ?? g.tranches[0];
          res = await client.post(`/api/grants/${id}/tranches/${tr.id}/${s.act}`, {
            version: tr.version,
            paymentReference: "PZ-PROP",
          });
        } else {
          res = await client.post(`/api/grants/${id}/${s.act}`, { version: g.version, reason: "性质测试" });
        }
        expect([200, 409], res.body).toContain(res.statusCode);
      }
      const rows = await t.db.select().from(grants).where(inArray(grants.id, ids));
      const committed = rows
        .filter((r) => COMMITTED_GRANT_STATUSES.includes(r.status))
        .reduce((sum, r) => sum + r.amountFen, 0);
      expect(committed).toBeLessThanOrEqual(f.capacityFen);
      for (const row of rows) {
        const history = await t.db
          .select()
          .from(grantEvents)
          .where(eq(grantEvents.grantId, row.id))
          .orderBy(asc(grantEvents.createdAt));
        for (const h of history.slice(1)) {
          expect(h.fromStatus && nextGrantStatus(h.fromStatus, h.event as GrantEvent)).toBe(h.toStatus);
        }
        expect(history.at(-1)?.toStatus).toBe(row.status);
        const paid = await t.db.select().from(grantTranches).where(eq(grantTranches.grantId, row.id));
        const paidFen = paid.filter((x) => x.status === "paid").reduce((sum, x) => sum + x.amountFen, 0);
        expect(paidFen).toBeLessThanOrEqual(row.amountFen);
        for (const x of paid.filter((x) => x.status === "paid")) expect(x.paidBy).not.toBe(x.preparedBy);
      }
    }),
    { numRuns: 12 },
  );
}, 120_000);
