/**
 * An application accepted for screening, for the stage 2-3 browser tests: the demo's own
 * accepted applications went on to their inspections and rounds, so a test that needs one ready
 * for an inspection accepts a waiting one through the API, as staff would (over its unchecked
 * items, which the accept names in its 409 and then takes when confirmed).
 */
import type { IntakeGapsDetails, QueuePage } from "../../../src/schemas/recruitment/intake";
import type { ApiClient } from "./api";

const taken = new Set<string>();

export async function acceptWaitingApplication(staff: ApiClient): Promise<QueuePage["items"][number]> {
  const waiting = await staff.get<QueuePage>("/api/applications?status=submitted,resubmitted&pageSize=50");
  const application = waiting.items.find((a) => !taken.has(a.id));
  if (!application) throw new Error("no waiting application left in the demo data");
  taken.add(application.id);
  const { version } = await staff.get<{ version: number }>(`/api/applications/${application.id}`);
  const accept = (confirmUnchecked?: { key: string; state: string }[]) =>
    staff.post(`/api/applications/${application.id}/accept`, { version, confirmUnchecked });
  try {
    await accept();
  } catch (error) {
    // 409 intake_items_unchecked: the body after the status names the items to confirm.
    const text = String((error as Error).message);
    const body = JSON.parse(text.slice(text.indexOf("{"))) as { details: IntakeGapsDetails };
    const items = body.details.applications.flatMap((a) =>
      a.items.map((i) => ({ key: i.key, state: i.state })),
    );
    await accept(items);
  }
  return application;
}
