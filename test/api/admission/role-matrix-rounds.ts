/**
 * The records the role × route matrix needs for rubrics, rounds and reviews: a draft round staff
 * act on, and an open round where the demo `expert` account reviews one application ("ownReview")
 * and another expert another ("otherReview"), assigned by hand so who reviews what is certain.
 */
import { eq } from "drizzle-orm";
import { reviews, users } from "../../../src/db/schema";
import { make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { expert, inDays, inspectedApplication } from "./rounds-support";

export interface RoundIds {
  draftRound: string;
  openRound: string;
  roundCall: string;
  /** An accepted application of the round's call: not inspected, so it may not join (409). */
  uninspected: string;
  /** The application the demo expert reviews, and one they do not. */
  reviewedApp: string;
  unreviewedApp: string;
  ownReview: string;
  otherReview: string;
  notExpert: string;
}

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string) {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; version: number };
}

export async function roundFixtures(t: TestApp, staff: Client): Promise<RoundIds> {
  const call = await make(t).call();
  const [demoExpert] = await t.db.select().from(users).where(eq(users.username, "expert"));
  const other = await expert(t);
  const a = await inspectedApplication(t, call.id);
  const b = await inspectedApplication(t, call.id);
  const c = await inspectedApplication(t, call.id);
  const uninspected = await inspectedApplication(t, call.id, { status: "accepted" });
  const round = (title: string) =>
    ok(
      staff.post("/api/rounds", { callId: call.id, title, reviewsPerSubject: 1, deadline: inDays(10) }),
      "round",
    );

  const open = await round("矩阵测试评审（进行中）");
  await ok(
    staff.post(`/api/rounds/${open.id}/subjects`, { applicationIds: [a.application.id, b.application.id] }),
    "subjects",
  );
  await ok(
    staff.post(`/api/rounds/${open.id}/experts`, { expertIds: [demoExpert?.id, other.id] }),
    "experts",
  );
  await ok(
    staff.post(`/api/rounds/${open.id}/assignment/pairs`, {
      subjectId: a.application.id,
      expertId: demoExpert?.id,
    }),
    "pair",
  );
  await ok(
    staff.post(`/api/rounds/${open.id}/assignment/pairs`, {
      subjectId: b.application.id,
      expertId: other.id,
    }),
    "pair",
  );
  const { version } = await ok(staff.get(`/api/rounds/${open.id}`), "detail");
  await ok(staff.post(`/api/rounds/${open.id}/open`, { version }), "open");

  const draft = await round("矩阵测试评审（草稿）");
  await ok(
    staff.post(`/api/rounds/${draft.id}/subjects`, { applicationIds: [c.application.id] }),
    "subjects",
  );
  await ok(staff.post(`/api/rounds/${draft.id}/experts`, { expertIds: [other.id] }), "experts");

  const rows = await t.db.select().from(reviews).where(eq(reviews.roundId, open.id));
  const notExpert = await make(t).user({ roles: ["staff"] });
  return {
    draftRound: draft.id,
    openRound: open.id,
    roundCall: call.id,
    uninspected: uninspected.application.id,
    reviewedApp: a.application.id,
    unreviewedApp: b.application.id,
    ownReview: rows.find((r) => r.expertId === demoExpert?.id)?.id as string,
    otherReview: rows.find((r) => r.expertId === other.id)?.id as string,
    notExpert: notExpert.id,
  };
}
