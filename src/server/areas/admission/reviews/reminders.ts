/**
 * Reminds experts three days and one day before a round's scoring deadline (the leads of
 * src/domain/reminders.ts), once per expert, round and lead, of how many of their reviews are
 * still unsubmitted: in the bell and, through the notice path, by SMS or email as they chose.
 * No table of its own: the notice sent is the record, looked up under a transaction-scoped
 * advisory lock per round, so two instances running this at once send one.
 */
import { and, between, count, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { notifications, reviewRounds, reviews, roundExperts } from "../../../../db/schema";
import { dueReminder, REMINDER_LEADS } from "../../../../domain/reminders";
import { notify } from "../../../notify";

const HORIZON_MS = Math.max(...REMINDER_LEADS.map((r) => r.hours)) * 3_600_000;

export async function sendReviewReminders(db: Db, now = new Date()): Promise<number> {
  const rounds = await db
    .select()
    .from(reviewRounds)
    .where(
      and(
        eq(reviewRounds.status, "open"),
        between(reviewRounds.deadline, now, new Date(now.getTime() + HORIZON_MS)),
      ),
    );
  let sent = 0;
  for (const round of rounds) {
    const lead = dueReminder(round.deadline, now);
    if (!lead) continue;
    sent += await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(727003, hashtext(${`${round.id}:${lead}`}))`);
      const waiting = await tx
        .select({ expertId: reviews.expertId, n: count() })
        .from(reviews)
        .innerJoin(
          roundExperts,
          and(eq(roundExperts.roundId, reviews.roundId), eq(roundExperts.expertId, reviews.expertId)),
        )
        .where(
          and(eq(reviews.roundId, round.id), ne(reviews.status, "submitted"), isNull(roundExperts.droppedAt)),
        )
        .groupBy(reviews.expertId);
      let count_ = 0;
      for (const expert of waiting) {
        const [already] = await tx
          .select({ id: notifications.id })
          .from(notifications)
          .where(
            and(
              eq(notifications.userId, expert.expertId),
              eq(notifications.kind, "review_deadline"),
              sql`${notifications.params}->>'roundId' = ${round.id}`,
              sql`${notifications.params}->>'lead' = ${lead}`,
            ),
          )
          .limit(1);
        if (already) continue;
        await notify(tx, {
          baseId: round.baseId,
          recipients: { kind: "users", userIds: [expert.expertId] },
          kind: "review_deadline",
          params: {
            roundId: round.id,
            roundTitle: round.title,
            count: expert.n,
            deadline: round.deadline.toISOString(),
            lead,
          },
          link: "/reviews",
        });
        count_++;
      }
      return count_;
    });
  }
  return sent;
}
