/** Fixtures of the trainings' tests elsewhere (the N+1 test): trainings published, enrolled in. */
import type { Client } from "../../support/app";
import { trainingBody } from "./role-matrix-trainings";

/** `n` published trainings open to everyone; `enrol` (if given) enrols in each on its own. */
export async function growTrainings(staff: Client, n: number, enrol?: Client): Promise<void> {
  for (let i = 0; i < n; i++) {
    const made = await staff.post("/api/trainings", { ...trainingBody(), topic: `N+1 测试培训${i}` });
    if (made.statusCode !== 201) throw new Error(`training: ${made.statusCode} ${made.body}`);
    const id = made.json().id as string;
    const published = await staff.post(`/api/trainings/${id}/publish`, { version: 1 });
    if (published.statusCode !== 200) throw new Error(`publish: ${published.statusCode}`);
    if (enrol) {
      const res = await enrol.post(`/api/trainings/${id}/enrolments`, {});
      if (res.statusCode !== 201) throw new Error(`enrol: ${res.statusCode} ${res.body}`);
    }
  }
}
