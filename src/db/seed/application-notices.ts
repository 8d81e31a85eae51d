/** Thread messages of the demo applications (each one telling the other side, as the service does). */
import { applicationMessages } from "../schema";
import { type Live, notice, type SeedContext } from "./application-writer";

/** A thread message; `notify` false for a return reason (the status notice already says it). */
export async function message(
  ctx: SeedContext,
  live: Live,
  side: "applicant" | "staff",
  body: string,
  at: Date,
  readAt: Date | null,
  notify = true,
) {
  await ctx.tx.insert(applicationMessages).values({
    baseId: ctx.baseId,
    applicationId: live.id,
    side,
    authorId: side === "staff" ? ctx.staff.id : live.userId,
    authorName: side === "staff" ? ctx.staff.name : live.applicantName,
    body,
    readAt: readAt && readAt < ctx.now ? readAt : null,
    createdAt: at,
  });
  if (!notify) return;
  await notice(ctx, live, side, "application_message", at, {
    preview: [...body].slice(0, 80).join(""),
    callTitle: live.call.title,
    organizationName: side === "applicant" ? live.profile.name : null,
  });
}
