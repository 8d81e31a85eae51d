/**
 * Fixtures of the mentor programme's tests: mentors with a profile paired with an incubation, and
 * sessions logged as a mentor logs them (action items in the plan when it has one).
 */
import { expect } from "vitest";
import { shanghaiDate } from "../../../src/domain/shanghai-time";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";

const day = (offset: number) => shanghaiDate(new Date(Date.now() + offset * 86_400_000));

/** A new mentor with an active profile, paired by staff with the incubation from today to `endsOn`. */
export async function pairedMentor(
  t: TestApp,
  staff: Client,
  incubationId: string,
  endsOn: string,
): Promise<{ id: string; client: Client }> {
  const user = await make(t).user({ roles: ["mentor"] });
  const profile = await staff.put(`/api/mentors/${user.id}`, {
    fields: ["elderly"],
    skills: ["finance"],
    title: "测试导师",
    bio: "",
    availability: "",
    capacity: 5,
    active: true,
    version: 0,
  });
  expect(profile.statusCode, profile.body).toBe(200);
  const paired = await staff.post(`/api/incubations/${incubationId}/mentorships`, {
    mentorId: user.id,
    startsOn: day(0),
    endsOn,
  });
  expect(paired.statusCode, paired.body).toBe(201);
  return { id: user.id, client: await t.signIn(user.username, FACTORY_PASSWORD) };
}

/** `n` sessions held today by a mentor of the incubation, each with two action items. */
export async function logSessions(mentor: Client, incubationId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await mentor.post(`/api/incubations/${incubationId}/mentoring-sessions`, {
      heldOn: day(0),
      minutes: 60,
      topics: [`测试主题${i}`],
      advice: "按计划推进。",
      actionItems: [
        { title: `测试行动${i}甲`, owner: "organization", dueOn: day(7) },
        { title: `测试行动${i}乙`, owner: "mentor", dueOn: day(14) },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
  }
}
