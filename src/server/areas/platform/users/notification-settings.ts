/**
 * Each user's own notification channels (the account page). Any signed-in user, on their own
 * account only (the actor's id is the key, so there is nobody else's to reach), as with the
 * password change. Until the first save there is no row and the defaults of
 * src/domain/notification-channels.ts apply, shown as version 0; a save writes the row (version
 * 1, 2, …) and its audit entry in one transaction, and a stale version is 409.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { notificationSettings, users } from "../../../../db/schema";
import { effectiveChannels } from "../../../../domain/notification-channels";
import { maskMobile } from "../../../../domain/phone";
import type { SmsLimits } from "../../../../domain/sms-schedule";
import type {
  NotificationSettings,
  NotificationSettingsUpdate,
} from "../../../../schemas/platform/notification-settings";
import { recordAudit } from "../../../audit";
import type { Context } from "../../../context";
import { AppError, fieldError, versionConflict } from "../../../errors";

async function load(db: Db, userId: string) {
  const [row] = await db
    .select({
      baseId: users.baseId,
      email: users.email,
      mobile: users.mobile,
      mobileConfirmedAt: users.mobileConfirmedAt,
      saved: {
        email: notificationSettings.email,
        sms: notificationSettings.sms,
        language: notificationSettings.language,
        version: notificationSettings.version,
      },
    })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(eq(users.id, userId));
  if (!row) throw new AppError("unauthenticated");
  return row;
}

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

function view(row: Awaited<ReturnType<typeof load>>, limits: SmsLimits): NotificationSettings {
  const saved = row.saved?.version ? row.saved : null;
  const channels = effectiveChannels(saved && { email: saved.email, sms: saved.sms }, {
    hasEmail: !!row.email,
    hasMobile: !!row.mobile,
    mobileConfirmed: row.mobileConfirmedAt !== null,
  });
  return {
    ...channels,
    language: saved?.language ?? "zh-CN",
    emailAddress: row.email,
    mobile: maskMobile(row.mobile),
    smsLimits: {
      dailyCap: limits.dailyCap,
      quietFrom: limits.quiet ? hhmm(limits.quiet.startMinute) : null,
      quietUntil: limits.quiet ? hhmm(limits.quiet.endMinute) : null,
    },
    version: saved?.version ?? 0,
  };
}

export async function getNotificationSettings(
  db: Db,
  ctx: Context,
  limits: SmsLimits,
): Promise<NotificationSettings> {
  return view(await load(db, ctx.actor.userId), limits);
}

export async function updateNotificationSettings(
  db: Db,
  ctx: Context,
  input: NotificationSettingsUpdate,
  limits: SmsLimits,
): Promise<NotificationSettings> {
  const userId = ctx.actor.userId;
  await db.transaction(async (tx) => {
    const before = await load(tx, userId);
    // A switch that cannot carry anything is refused rather than saved as a silent no-op.
    if (input.sms && !before.mobile) throw fieldError("sms", "no_mobile_for_sms");
    if (input.email && !before.email) throw fieldError("email", "no_email_for_email");
    const values = { email: input.email, sms: input.sms, language: input.language };
    const current = before.saved?.version ?? 0;
    const written =
      input.version === 0
        ? await tx
            .insert(notificationSettings)
            .values({ userId, baseId: before.baseId, ...values })
            .onConflictDoNothing()
            .returning({ version: notificationSettings.version })
        : await tx
            .update(notificationSettings)
            .set({ ...values, version: sql`${notificationSettings.version} + 1`, updatedAt: sql`now()` })
            .where(
              and(eq(notificationSettings.userId, userId), eq(notificationSettings.version, input.version)),
            )
            .returning({ version: notificationSettings.version });
    if (written.length === 0) throw versionConflict(current);
    const shown = view(before, limits);
    await recordAudit(tx, ctx, {
      baseId: before.baseId,
      action: "user.notification_settings_changed",
      entityType: "user",
      entityId: userId,
      before: { email: shown.email, sms: shown.sms, language: shown.language },
      after: values,
    });
  });
  return view(await load(db, userId), limits);
}
