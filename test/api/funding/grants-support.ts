/** Helpers of the grant tests: a proposal's body, proposing through the API, reading a grant. */
import { expect } from "vitest";
import type { Client } from "../../support/app";

/** A body proposing `amountFen` from `fundId` to `projectId`: two budget lines, two tranches, one milestone. */
export function proposal(
  projectId: string,
  fundId: string,
  amountFen: number,
  extra: Record<string, unknown> = {},
) {
  const first = Math.floor(amountFen * 0.6);
  const half = Math.floor(amountFen / 2);
  return {
    projectId,
    fundId,
    amountFen,
    startsOn: "2027-03-01",
    endsOn: "2028-02-29",
    budgetLines: [
      { category: "activities", description: "活动开展", amountFen: first },
      { category: "materials", description: "物资采购", amountFen: amountFen - first },
    ],
    milestones: [{ title: "建成第一个助餐点", dueOn: "2027-06-30" }],
    tranches: [
      { amountFen: amountFen - half, condition: "agreement_signed", plannedOn: "2027-03-15" },
      { amountFen: half, condition: "milestone_met", milestoneIndex: 0 },
    ],
    ...extra,
  };
}

export async function propose(client: Client, body: Record<string, unknown>): Promise<string> {
  const res = await client.post("/api/grants", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

export async function view(client: Client, id: string) {
  const res = await client.get(`/api/grants/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Fires `event` at the grant's current version and expects `status`. */
export async function step(
  client: Client,
  id: string,
  event: string,
  body: Record<string, unknown> = {},
  status = 200,
) {
  const reader = await view(client, id);
  const res = await client.post(`/api/grants/${id}/${event}`, { version: reader.version, ...body });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}
