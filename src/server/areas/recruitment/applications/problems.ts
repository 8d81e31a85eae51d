/**
 * Keeps `missing_items` current. What blocks a submit is one pure function in
 * src/domain/application-problems.ts, shared with the submit, the detail and the demo data.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../../db/client";
import { applications } from "../../../../db/schema";
import {
  type ApplicationProblem,
  applicationProblems,
  missingCount,
} from "../../../../domain/application-problems";
import { type ApplicationRow, activeDocuments, loadCall, loadProfile } from "./load";

export {
  applicationProblems,
  missingCount,
  questionRequirement,
} from "../../../../domain/application-problems";

/** Recomputes and stores `missing_items` after a write (no version bump: it is derived). */
export async function refreshMissingItems(
  tx: Db,
  application: ApplicationRow,
): Promise<ApplicationProblem[]> {
  // One after the other: a transaction is one connection, which runs one query at a time.
  const call = await loadCall(tx, application.callId);
  const profile = await loadProfile(tx, application.organizationId);
  const documents = await activeDocuments(tx, application.id);
  const problems = applicationProblems(application, call, profile, documents, new Date());
  const missingItems = missingCount(problems);
  if (missingItems !== application.missingItems) {
    await tx.update(applications).set({ missingItems }).where(eq(applications.id, application.id));
  }
  return problems;
}
