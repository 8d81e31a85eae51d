/**
 * Sends the deadline reminders that are due (src/domain/reminders.ts): to every member of the
 * organization, in the bell and by email. The reminder row is inserted first and only the
 * instance whose insert wins sends, so a reminder goes out once however many servers run this.
 */
import { and, between, eq, inArray, ne, or } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applicationReminders, applications, calls } from "../../../../db/schema";
import { dueReminder, REMINDED_STATUSES, REMINDER_LEADS, submitDeadline } from "../../../../domain/reminders";
import { notify } from "../../../notify";

const HORIZON_MS = Math.max(...REMINDER_LEADS.map((r) => r.hours)) * 3_600_000;

export async function sendDeadlineReminders(db: Db, now = new Date()): Promise<number> {
  const horizon = new Date(now.getTime() + HORIZON_MS);
  const candidates = await db
    .select({
      id: applications.id,
      baseId: applications.baseId,
      organizationId: applications.organizationId,
      status: applications.status,
      extendedUntil: applications.extendedUntil,
      call: { title: calls.title, status: calls.status, opensAt: calls.opensAt, closesAt: calls.closesAt },
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .where(
      and(
        inArray(applications.status, [...REMINDED_STATUSES]),
        ne(calls.status, "draft"),
        // A deadline is the call's closing or an extension: one of them ends within the horizon.
        or(between(calls.closesAt, now, horizon), between(applications.extendedUntil, now, horizon)),
      ),
    );
  let sent = 0;
  for (const candidate of candidates) {
    const deadline = submitDeadline(candidate.call, now, candidate.extendedUntil);
    const lead = deadline && dueReminder(deadline, now);
    if (!deadline || !lead) continue;
    const claimed = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(applicationReminders)
        .values({ applicationId: candidate.id, lead, deadline })
        .onConflictDoNothing()
        .returning({ lead: applicationReminders.lead });
      if (!row) return false;
      await notify(tx, {
        baseId: candidate.baseId,
        recipients: { kind: "organization", organizationId: candidate.organizationId },
        kind: "application_deadline",
        params: {
          applicationId: candidate.id,
          callTitle: candidate.call.title,
          status: candidate.status,
          deadline: deadline.toISOString(),
          lead,
        },
        link: `/my-applications/${candidate.id}`,
      });
      return true;
    });
    if (claimed) sent++;
  }
  return sent;
}
