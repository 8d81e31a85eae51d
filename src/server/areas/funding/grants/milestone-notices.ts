/**
 * Overdue milestones reach the bell: once a milestone of a running grant is past its due day and
 * not marked met or missed, the base's staff and the grantee's members are told, once (the staff
 * to-do counts it as well). A periodic job in src/server/main.ts; `today` is a parameter so that
 * tests choose the day.
 */
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { grantMilestones, grants, organizations } from "../../../../db/schema";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import { notify } from "../../../notify";

/** Tells staff and the grantee of each newly overdue milestone on `today`; returns how many. */
export async function noticeOverdueMilestones(db: Db, today = shanghaiDate(new Date())): Promise<number> {
  const due = await db
    .select({
      id: grantMilestones.id,
      title: grantMilestones.title,
      dueOn: grantMilestones.dueOn,
      grantId: grants.id,
      baseId: grants.baseId,
      organizationId: grants.organizationId,
      grantNumber: grants.number,
      organizationName: organizations.name,
    })
    .from(grantMilestones)
    .innerJoin(grants, eq(grants.id, grantMilestones.grantId))
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(
      and(
        eq(grantMilestones.status, "open"),
        lt(grantMilestones.dueOn, today),
        isNull(grantMilestones.overdueNoticedAt),
        inArray(grants.status, ["agreement_signed", "active"]),
      ),
    )
    .limit(200);
  for (const m of due) {
    await db.transaction(async (tx) => {
      // Marked first and only if still unmarked: two instances running the job tell once.
      const [marked] = await tx
        .update(grantMilestones)
        .set({ overdueNoticedAt: new Date() })
        .where(and(eq(grantMilestones.id, m.id), isNull(grantMilestones.overdueNoticedAt)))
        .returning({ id: grantMilestones.id });
      if (!marked) return;
      const params = {
        grantNumber: m.grantNumber,
        title: m.title,
        dueOn: m.dueOn,
        organizationName: m.organizationName,
      };
      const link = `/funding/grants/${m.grantId}`;
      await notify(tx, {
        baseId: m.baseId,
        recipients: { kind: "staff", baseId: m.baseId },
        kind: "funding_milestone",
        params,
        link,
      });
      await notify(tx, {
        baseId: m.baseId,
        recipients: { kind: "organization", organizationId: m.organizationId },
        kind: "funding_milestone",
        params,
        link,
      });
    });
  }
  return due.length;
}
