/**
 * Fixtures of the people tests (and the role matrix's): an individual added by staff, and trainings
 * attended (as staff enrol and tick them) so a person has enrolments, hours and series progress.
 */
import type { Client } from "../../support/app";
import { trainingBody } from "./role-matrix-trainings";

let serial = 0;
/** A mobile no demo account uses (139 0077 xxxx), a new one each call (each test file has its own database). */
export function peopleMobile(): string {
  serial++;
  return `1390077${String(serial).padStart(4, "0")}`;
}

/** Staff add an individual; returns their id. */
export async function addPerson(staff: Client, over: Record<string, unknown> = {}): Promise<string> {
  const res = await staff.post("/api/people", {
    displayName: "矩阵测试学员",
    mobile: peopleMobile(),
    ...over,
  });
  if (res.statusCode !== 201) throw new Error(`person: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}

/**
 * A published training (in a series, optionally a required module) the person is enrolled in by
 * staff and, when `attend`, ticked as attended. Two hours long.
 */
export async function attendTraining(
  staff: Client,
  personId: string,
  options: { seriesId?: string; required?: boolean; attend?: boolean; topic?: string } = {},
): Promise<{ trainingId: string; enrolmentId: string }> {
  const made = await staff.post("/api/trainings", {
    ...trainingBody(),
    topic: options.topic ?? "人员测试培训",
    seriesId: options.seriesId ?? null,
    required: options.required ?? false,
  });
  if (made.statusCode !== 201) throw new Error(`training: ${made.statusCode} ${made.body}`);
  const trainingId = made.json().id as string;
  const published = await staff.post(`/api/trainings/${trainingId}/publish`, { version: 1 });
  if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode} ${published.body}`);
  const enrolled = await staff.post(`/api/trainings/${trainingId}/enrolments`, { personId });
  if (enrolled.statusCode !== 201) throw new Error(`enrol: ${enrolled.statusCode} ${enrolled.body}`);
  const e = enrolled.json();
  if (options.attend !== false) {
    const tick = await staff.put(`/api/trainings/${trainingId}/enrolments/${e.id}/attendance`, {
      attended: true,
      version: e.version,
    });
    if (tick.statusCode !== 200) throw new Error(`attend: ${tick.statusCode} ${tick.body}`);
  }
  return { trainingId, enrolmentId: e.id };
}
