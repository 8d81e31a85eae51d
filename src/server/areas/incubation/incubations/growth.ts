/**
 * The incubation's kinds in the growth file (组织成长档案): its start and every status change,
 * with the cohort's name and the dates as they were.
 */
import type { Track } from "../../../../domain/call";
import type { IncubationEvent, IncubationStatus } from "../../../../domain/incubation/lifecycle";

declare module "../../../../domain/growth" {
  interface GrowthKinds {
    /** An incubation began (from a confirmed admission or enrolled directly). */
    "incubation.enrolled": {
      cohortName: string;
      track: Track;
      startOn: string;
      plannedEndOn: string;
      origin: "admission" | "direct";
    };
    /** A status change of an incubation (suspended, extended, graduated…). */
    "incubation.status": {
      event: IncubationEvent;
      fromStatus: IncubationStatus;
      toStatus: IncubationStatus;
      /** The reason given. */
      note: string | null;
      plannedEndOn: string;
    };
  }
}
