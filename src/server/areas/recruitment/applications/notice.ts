/** Notices about one application, from whichever side acted to the other side. */
import type { Db } from "../../../../db/client";
import type { ApplicationSide } from "../../../../domain/application";
import type { NotificationKind, NotificationParams } from "../../../../schemas/platform/notifications";
import type { Context } from "../../../context";
import { notify } from "../../../notify";
import type { ApplicationRow } from "./load";

/**
 * Staff hear of the applicant's acts and messages; the organization hears of the base's. Each
 * side's link opens its own page of the application; the actor gets no notice of their own act.
 */
export async function noticeOtherSide(
  tx: Db,
  ctx: Context,
  application: ApplicationRow,
  actingSide: ApplicationSide,
  kind: NotificationKind,
  params: NotificationParams,
): Promise<void> {
  const fromApplicant = actingSide === "applicant";
  await notify(tx, {
    baseId: application.baseId,
    recipients: fromApplicant
      ? { kind: "staff", baseId: application.baseId }
      : { kind: "organization", organizationId: application.organizationId },
    kind,
    params: { applicationId: application.id, ...params },
    link: fromApplicant ? `/applications/${application.id}` : `/my-applications/${application.id}`,
    exceptUserId: ctx.actor.userId,
  });
}
