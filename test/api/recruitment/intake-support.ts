/** Shared set-up of the intake tests: calls and applications in a given status, the member's organization. */
import { eq } from "drizzle-orm";
import { applications, auditLog, calls, intakeVerdicts, notifications, users } from "../../../src/db/schema";
import type { ApplicationStatus, IntakeVerdictStatus } from "../../../src/domain/application";
import { intakeItems } from "../../../src/domain/intake-gaps";
import { make } from "../../factories";
import type { TestApp } from "../../support/app";

export async function memberOrganizationId(t: TestApp): Promise<string> {
  const [member] = await t.db.select().from(users).where(eq(users.username, "member"));
  if (!member?.organizationId) throw new Error("demo member has no organization");
  return member.organizationId;
}

/** An application of a new organization (or `organizationId`) in `status`, as if submitted a while ago. */
export async function applicationIn(
  t: TestApp,
  status: ApplicationStatus,
  values: Partial<typeof applications.$inferInsert> & { callId: string; organizationId?: string },
) {
  const organizationId = values.organizationId ?? (await make(t).organization()).id;
  const submitted = status !== "draft";
  return make(t).application({
    status,
    submissionCount: submitted ? 1 : 0,
    firstSubmittedAt: submitted ? new Date(Date.now() - 3_600_000) : null,
    lastSubmittedAt: submitted ? new Date(Date.now() - 3_600_000) : null,
    ...values,
    organizationId,
  });
}

export async function applicationRow(t: TestApp, id: string) {
  const [row] = await t.db.select().from(applications).where(eq(applications.id, id));
  if (!row) throw new Error("no application");
  return row;
}

export async function noticesFor(t: TestApp, username: string) {
  const [user] = await t.db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no user ${username}`);
  return t.db.select().from(notifications).where(eq(notifications.userId, user.id));
}

export async function auditOf(t: TestApp, entityId: string) {
  return t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
}

/** A multipart body with text fields first, then one file (as the upload routes expect). */
export function multipartUpload(
  fields: Record<string, string>,
  file: { name: string; type: string; content: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----intake${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/**
 * Verdicts written straight to the table: every item of the application's track `status` (ok
 * unless given), at `checkedAt` (now unless given). An accept then has nothing to confirm.
 */
export async function checkAll(
  t: TestApp,
  application: { id: string; callId: string; track: typeof applications.$inferSelect.track },
  status: IntakeVerdictStatus = "ok",
  checkedAt = new Date(),
) {
  const [call] = await t.db.select().from(calls).where(eq(calls.id, application.callId));
  if (!call) throw new Error("no call");
  const items = intakeItems(call.rules, application.track);
  await t.db.insert(intakeVerdicts).values(
    items.map((i) => ({
      baseId: t.baseId,
      applicationId: application.id,
      requirementKey: i.key,
      status,
      reason: status === "ok" ? null : "测试",
      checkedAt,
    })),
  );
}
