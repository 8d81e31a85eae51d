/**
 * What the plan writes into the growth file (组织成长档案), declared here so the kinds live with
 * the area that writes them (src/domain/growth.ts).
 */
import type { ActionStatus, ServiceCategory } from "../../../../domain/incubation/plan";

declare module "../../../../domain/growth" {
  interface GrowthKinds {
    /** A need recorded from the baseline or the needs interview. */
    "need.recorded": { title: string; category: ServiceCategory };
    /** The plan agreed (by the organization, or recorded by staff on its behalf). */
    "plan.agreed": { revision: number; goals: number; actions: number; onBehalf: boolean };
    /** An agreed plan reopened for revision. */
    "plan.revised": { revision: number };
    /** An action done or dropped. */
    "plan.action_done": { title: string; status: ActionStatus; note: string | null };
  }
}
