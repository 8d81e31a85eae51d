/**
 * The database itself refuses a value the domain does not know, whoever writes it (a script, a
 * later migration, a bug): CHECK constraints built from the domain's constant arrays.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { make } from "../../factories";
import { startTestApp, type TestApp } from "../../support/app";

let t: TestApp;
let applicationId: string;
let organizationId: string;

beforeAll(async () => {
  t = await startTestApp();
  const call = await make(t).call();
  const organization = await make(t).organization();
  organizationId = organization.id;
  applicationId = (await make(t).application({ callId: call.id, organizationId })).id;
});
afterAll(() => t.close());

/** The constraint a statement broke, or "accepted". */
const violated = (statement: ReturnType<typeof sql>) =>
  t.db.execute(statement).then(
    () => "accepted",
    (error: Error & { cause?: { constraint?: string }; constraint?: string }) =>
      error.cause?.constraint ?? error.constraint ?? error.message,
  );

describe("enumerations in the database", () => {
  it.each([
    [
      "applications_status",
      () => sql`UPDATE applications SET status = 'admitted?' WHERE id = ${applicationId}`,
    ],
    ["applications_track", () => sql`UPDATE applications SET track = 'desk' WHERE id = ${applicationId}`],
    [
      "organizations_registration_status",
      () => sql`UPDATE organizations SET registration_status = 'company' WHERE id = ${organizationId}`,
    ],
    [
      "organizations_fields_known",
      () => sql`UPDATE organizations SET fields = ARRAY['culture', 'gaming'] WHERE id = ${organizationId}`,
    ],
    [
      "users_roles_known",
      () => sql`UPDATE users SET roles = ARRAY['staff', 'superuser'] WHERE username = 'staff'`,
    ],
    ["calls_status", () => sql`UPDATE calls SET status = 'archived' WHERE base_id = ${t.baseId}`],
  ])("refuses an unknown value (%s)", async (constraint, statement) => {
    expect(await violated(statement())).toBe(constraint);
  });

  it("takes every value the domain knows", async () => {
    expect(
      await violated(
        sql`UPDATE applications SET status = 'withdrawn', track = 'space' WHERE id = ${applicationId}`,
      ),
    ).toBe("accepted");
    expect(
      await violated(
        sql`UPDATE organizations SET fields = ARRAY['culture', 'friendliness'] WHERE id = ${organizationId}`,
      ),
    ).toBe("accepted");
  });
});
