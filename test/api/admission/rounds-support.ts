/** Shared set-up of the round and review tests: experts, inspected applications, a built round. */
import { expertProfiles } from "../../../src/db/schema";
import type { OrganizationField } from "../../../src/domain/organization";
import { FACTORY_PASSWORD, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";

export const DAY = 24 * 60 * 60 * 1000;
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export async function expert(t: TestApp, fields: OrganizationField[] = ["health"]) {
  const user = await make(t).user({ roles: ["expert"] });
  await t.db.insert(expertProfiles).values({ userId: user.id, baseId: t.baseId, fields });
  return { id: user.id, username: user.username, signIn: () => t.signIn(user.username, FACTORY_PASSWORD) };
}

export async function inspectedApplication(
  t: TestApp,
  callId: string,
  options: {
    fields?: OrganizationField[];
    track?: "org" | "project" | "combined" | "space";
    status?: string;
  } = {},
) {
  const organization = await make(t).organization({ fields: options.fields ?? ["health"] });
  const application = await make(t).application({
    callId,
    organizationId: organization.id,
    track: options.track ?? "org",
    // biome-ignore lint/suspicious/noExplicitAny: a test sets any status directly
    status: (options.status ?? "inspected") as any,
    lastSubmittedAt: new Date(),
    firstSubmittedAt: new Date(),
  });
  return { application, organization };
}

export interface BuiltRound {
  id: string;
  version: number;
  applicationIds: string[];
}

/** A round of `callId` with these applications and experts, k reviews each, auto-assigned. */
export async function buildRound(
  staff: Client,
  input: {
    callId: string;
    applicationIds: string[];
    expertIds: string[];
    k?: number;
    revealAfterSubmit?: boolean;
    deadline?: string;
  },
): Promise<BuiltRound> {
  const created = await staff.post("/api/rounds", {
    callId: input.callId,
    title: "2026年度入壳评审第一轮",
    reviewsPerSubject: input.k ?? 2,
    deadline: input.deadline ?? inDays(10),
    revealAfterSubmit: input.revealAfterSubmit ?? false,
  });
  if (created.statusCode !== 201) throw new Error(`round: ${created.body}`);
  const id = created.json().id as string;
  const subjects = await staff.post(`/api/rounds/${id}/subjects`, { applicationIds: input.applicationIds });
  if (subjects.statusCode !== 200) throw new Error(`subjects: ${subjects.body}`);
  const experts = await staff.post(`/api/rounds/${id}/experts`, { expertIds: input.expertIds });
  if (experts.statusCode !== 200) throw new Error(`experts: ${experts.body}`);
  const assigned = await staff.post(`/api/rounds/${id}/assignment/auto`);
  if (assigned.statusCode !== 200) throw new Error(`assign: ${assigned.body}`);
  const detail = await staff.get(`/api/rounds/${id}`);
  return { id, version: detail.json().version, applicationIds: input.applicationIds };
}

export async function openRound(staff: Client, id: string) {
  const detail = await staff.get(`/api/rounds/${id}`);
  const res = await staff.post(`/api/rounds/${id}/open`, { version: detail.json().version });
  if (res.statusCode !== 200) throw new Error(`open: ${res.body}`);
  return res.json();
}
