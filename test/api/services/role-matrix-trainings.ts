/**
 * The records the role × route matrix needs for the trainings: a published training open to
 * everyone, one open to the base's organizations only (not to the public, so not to someone on
 * their own), a draft (staff only: 404 for the others), a series, and the demo member's
 * certificate (the seed's: another person's for everyone else who takes part).
 */
import { eq } from "drizzle-orm";
import { trainingCertificates, users } from "../../../src/db/schema";
import type { Client, TestApp } from "../../support/app";

export interface TrainingIds {
  training: string;
  trainingDraft: string;
  trainingMembersOnly: string;
  trainingSeries: string;
  memberCertificate: string;
}

export const trainingBody = () => ({
  topic: "矩阵测试培训",
  trainerName: "矩阵讲师",
  startsAt: new Date(Date.now() + 3 * 24 * 3_600_000).toISOString(),
  endsAt: new Date(Date.now() + 3 * 24 * 3_600_000 + 2 * 3_600_000).toISOString(),
  capacity: 30,
  audiences: ["resident", "virtual", "graduated", "public"],
});

export async function trainingFixtures(t: TestApp, staff: Client): Promise<TrainingIds> {
  const series = await staff.post("/api/training-series", { kind: "talent", title: "矩阵测试人才班" });
  const made = await staff.post("/api/trainings", trainingBody());
  if (made.statusCode !== 201) throw new Error(`training: ${made.statusCode} ${made.body}`);
  const published = await staff.post(`/api/trainings/${made.json().id}/publish`, { version: 1 });
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  const draft = await staff.post("/api/trainings", trainingBody());
  const membersOnly = await staff.post("/api/trainings", {
    ...trainingBody(),
    audiences: ["resident", "virtual", "graduated"],
  });
  const opened = await staff.post(`/api/trainings/${membersOnly.json().id}/publish`, { version: 1 });
  if (opened.statusCode !== 200) throw new Error(`publish: ${opened.statusCode} ${opened.body}`);
  const [certificate] = await t.db
    .select({ id: trainingCertificates.id })
    .from(trainingCertificates)
    .innerJoin(users, eq(users.id, trainingCertificates.personId))
    .where(eq(users.username, "member"));
  if (!certificate) throw new Error("the demo member's certificate is not seeded");
  return {
    training: made.json().id,
    trainingDraft: draft.json().id,
    trainingMembersOnly: membersOnly.json().id,
    trainingSeries: series.json().id,
    memberCertificate: certificate.id,
  };
}
