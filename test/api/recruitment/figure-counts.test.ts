/**
 * The counts behind the home figures (migration 0017): whatever writes organizations,
 * applications or their "accepted" history, the kept counts equal a recount from the rows, after
 * every statement, and the home counts and recruitment figures answer them.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../src/db/client";
import { applicationEvents, applications, organizations, towns } from "../../../src/db/schema";
import {
  APPLICATION_EVENTS,
  APPLICATION_STATUSES,
  type ApplicationStatus,
  EVENT_SIDE,
  nextStatus,
} from "../../../src/domain/application";
import type { HomeStats } from "../../../src/schemas/platform/reference";
import { make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let staff: Client;
let callId: string;
let otherTown: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
  callId = (await make(t).call()).id;
  const [town] = await t.db.select({ id: towns.id }).from(towns).where(eq(towns.baseId, t.baseId)).limit(1);
  otherTown = town?.id as string;
});
afterAll(() => t.close());

const KEPT_APPLICATIONS = sql`
  select base_id, town_id, track, status, submitted, accepted, n from application_counts where n <> 0`;
const RECOUNTED_APPLICATIONS = sql`
  select a.base_id, o.town_id, a.track, a.status, a.first_submitted_at is not null as submitted,
    (a.status = 'accepted' or exists (select 1 from application_events e
      where e.application_id = a.id and e.to_status = 'accepted')) as accepted, count(*)::int as n
  from applications a left join organizations o on o.id = a.organization_id group by 1, 2, 3, 4, 5, 6`;
const KEPT_ORGANIZATIONS = sql`
  select base_id, town_id, residency, registration_status, n from organization_counts where n <> 0`;
const RECOUNTED_ORGANIZATIONS = sql`
  select base_id, town_id, residency, registration_status, count(*)::int as n from organizations group by 1, 2, 3, 4`;
const KEPT_FIELDS = sql`select base_id, town_id, field, n from organization_field_counts where n <> 0`;
const RECOUNTED_FIELDS = sql`
  select base_id, town_id, f as field, count(*)::int as n from organizations, unnest(fields) as f group by 1, 2, 3`;

async function rows(query: ReturnType<typeof sql>) {
  return rowsOf<Record<string, unknown>>(await t.db.execute(query))
    .map((r) => JSON.stringify(r))
    .sort();
}

/** Kept = recounted, for all three tables; and no count below zero. */
async function expectKeptRight(when: string) {
  expect(await rows(KEPT_APPLICATIONS), when).toEqual(await rows(RECOUNTED_APPLICATIONS));
  expect(await rows(KEPT_ORGANIZATIONS), when).toEqual(await rows(RECOUNTED_ORGANIZATIONS));
  expect(await rows(KEPT_FIELDS), when).toEqual(await rows(RECOUNTED_FIELDS));
  const negative = rowsOf<{ n: number }>(
    await t.db.execute(sql`select (select count(*) from application_counts where n < 0)
      + (select count(*) from organization_counts where n < 0)
      + (select count(*) from organization_field_counts where n < 0) as n`),
  );
  expect(Number(negative[0]?.n), when).toBe(0);
}

/** An application of a new organization, in `status`, submitted unless a draft. */
async function applicationIn(status: ApplicationStatus, townId: string | null = null) {
  const org = await make(t).organization({ townId });
  return make(t).application({
    callId,
    organizationId: org.id,
    status,
    firstSubmittedAt: status === "draft" ? null : new Date(),
  });
}

describe("the kept counts (migration 0017)", () => {
  it("start equal to a recount of the demo data", async () => {
    expect((await rows(KEPT_APPLICATIONS)).length).toBeGreaterThan(0);
    await expectKeptRight("after the migration and the demo seed");
  });

  it("follow every transition of the application's state machine, history row and status in either order", async () => {
    let checked = 0;
    for (const from of APPLICATION_STATUSES) {
      for (const event of APPLICATION_EVENTS) {
        const to = nextStatus(from, event);
        if (!to) continue;
        for (const eventFirst of [false, true]) {
          const app = await applicationIn(from, otherTown);
          await t.db.transaction(async (tx) => {
            const history = tx.insert(applicationEvents).values({
              baseId: t.baseId,
              applicationId: app.id,
              event,
              fromStatus: from,
              toStatus: to,
              side: EVENT_SIDE[event],
            });
            const move = tx
              .update(applications)
              .set({
                status: to,
                firstSubmittedAt: app.firstSubmittedAt ?? (event === "submit" ? new Date() : null),
              })
              .where(eq(applications.id, app.id));
            if (eventFirst) {
              await history;
              await move;
            } else {
              await move;
              await history;
            }
          });
          await expectKeptRight(`${from} --${event}--> ${to}${eventFirst ? " (history first)" : ""}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("count an application accepted once under accepted, whether its history row is added, changed or removed later", async () => {
    const app = await applicationIn("withdrawn");
    const accepted = {
      baseId: t.baseId,
      applicationId: app.id,
      side: "staff" as const,
      toStatus: "accepted" as const,
    };
    const [row] = await t.db
      .insert(applicationEvents)
      .values({ ...accepted, event: "accept", fromStatus: "submitted" })
      .returning();
    await expectKeptRight("an accepted history row added after the withdrawal");
    await t.db.insert(applicationEvents).values({ ...accepted, event: "accept", fromStatus: "resubmitted" });
    await expectKeptRight("a second accepted history row");
    await t.db
      .update(applicationEvents)
      .set({ toStatus: "returned" })
      .where(eq(applicationEvents.id, row?.id as string));
    await expectKeptRight("one of them changed to another status");
    await t.db
      .delete(applicationEvents)
      .where(and(eq(applicationEvents.applicationId, app.id), eq(applicationEvents.toStatus, "accepted")));
    await expectKeptRight("the last accepted row removed");
    await t.db.delete(applicationEvents).where(eq(applicationEvents.applicationId, app.id));
    await t.db.delete(applications).where(eq(applications.id, app.id));
    await expectKeptRight("the application removed");
  });

  it("move an organization's counts and its applications' when its town, kind, residency or fields change", async () => {
    const app = await applicationIn("submitted");
    const org = app.organizationId;
    await make(t).application({ callId: (await make(t).call()).id, organizationId: org, status: "accepted" });
    const change = async (values: Partial<typeof organizations.$inferInsert>, what: string) => {
      await t.db.update(organizations).set(values).where(eq(organizations.id, org));
      await expectKeptRight(what);
    };
    await change({ townId: otherTown }, "a town set");
    const [another] = await t.db
      .select({ id: towns.id })
      .from(towns)
      .where(and(eq(towns.baseId, t.baseId), ne(towns.id, otherTown)))
      .limit(1);
    await change({ townId: another?.id }, "the town changed");
    await change({ townId: null }, "the town taken away");
    await change({ registrationStatus: "unregistered", residency: "virtual" }, "kind and residency");
    await change({ fields: ["elderly", "children", "health"] }, "fields");
    await change({ description: "只改了简介" }, "a change that moves no count");
    const lone = await make(t).organization({ townId: otherTown });
    await t.db.delete(organizations).where(eq(organizations.id, lone.id));
    await expectKeptRight("an organization removed");
  });

  it("take nothing from a rolled-back transaction", async () => {
    const before = await rows(KEPT_APPLICATIONS);
    const org = await make(t).organization();
    await expectKeptRight("an organization added");
    const orgsBefore = await rows(KEPT_ORGANIZATIONS);
    await expect(
      t.db.transaction(async (tx) => {
        await tx
          .insert(applications)
          .values({ baseId: t.baseId, callId, organizationId: org.id, track: "org", callRevision: 1 });
        await tx
          .update(organizations)
          .set({ townId: otherTown, fields: ["elderly"] })
          .where(eq(organizations.id, org.id));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await rows(KEPT_APPLICATIONS)).toEqual(before);
    expect(await rows(KEPT_ORGANIZATIONS)).toEqual(orgsBefore);
    await expectKeptRight("after the rollback");
  });

  it("are what the staff home counts say, and the viewer's figures", async () => {
    await make(t).organization({ townId: otherTown, residency: "resident", fields: ["elderly", "culture"] });
    const home: HomeStats = (await staff.get("/api/stats/home")).json();
    const recount = rowsOf<{ total: number; resident: number; virtual: number; unregistered: number }>(
      await t.db.execute(sql`select count(*)::int as total,
        count(*) filter (where residency = 'resident')::int as resident,
        count(*) filter (where residency = 'virtual')::int as virtual,
        count(*) filter (where registration_status = 'unregistered')::int as unregistered
        from organizations where base_id = ${t.baseId}`),
    )[0];
    expect(home).toMatchObject({
      organizations: recount?.total,
      resident: recount?.resident,
      virtual: recount?.virtual,
      unregistered: recount?.unregistered,
    });
    const fields = rowsOf<{ field: string; count: number }>(
      await t.db.execute(sql`select f as field, count(*)::int as count from organizations, unnest(fields) as f
        where base_id = ${t.baseId} group by f`),
    );
    expect([...home.byField].sort((a, b) => a.field.localeCompare(b.field))).toEqual(
      fields.sort((a, b) => a.field.localeCompare(b.field)),
    );
    const byTown = rowsOf<{ townId: string; count: number }>(
      await t.db.execute(sql`select town_id as "townId", count(*)::int as count from organizations
        where base_id = ${t.baseId} and town_id is not null group by town_id`),
    );
    expect(
      home.byTown
        .map((r) => ({ townId: r.townId, count: r.count }))
        .sort((a, b) => a.townId.localeCompare(b.townId)),
    ).toEqual(byTown.sort((a, b) => a.townId.localeCompare(b.townId)));
  });
});
