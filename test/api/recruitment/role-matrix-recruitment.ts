/**
 * The records the role × route matrix needs for stage 1: calls in each state, and applications,
 * documents and files of the demo member's organization ("own") and of another one ("other"),
 * made through the real API where the route is the only honest way (uploads, submits).
 */
import { randomUUID } from "node:crypto";
import type { CallRules } from "../../../src/domain/call";
import { defaultCallRules, make } from "../../factories";
import type { Client, TestApp } from "../../support/app";
import { completeDraft, newKey, otherMember, PDF, submit, uploadDocument } from "./applications-support";

export interface RecruitmentIds {
  call: string;
  draftCall: string;
  pastCall: string;
  applyCall: string;
  ownDraft: string;
  ownSpareDocument: string;
  ownDocument: string;
  ownFile: string;
  withdrawable: string;
  ownSubmitted: string;
  otherDraft: string;
  otherDocument: string;
  otherFile: string;
  otherSubmitted: string;
  missing: string;
}

const DAY = 24 * 3600 * 1000;

/** One track anyone may apply to, nothing required: a submit that only the policy could stop. */
function lenientRules(): CallRules {
  return {
    ...defaultCallRules(),
    tracks: [
      {
        track: "org",
        quota: 5,
        maxApplications: null,
        eligibility: { minMonthsFounded: null, maxMonthsFounded: null, allowUnregistered: true, note: null },
        documents: [],
      },
    ],
    questions: [],
  };
}

export async function recruitmentFixtures(t: TestApp, member: Client): Promise<RecruitmentIds> {
  const f = make(t);
  const unpublished = { status: "draft" as const, revision: 0, publishedAt: null };
  const call = await f.call();
  const draftCall = await f.call(unpublished);
  const pastCall = await f.call({
    ...unpublished,
    rules: {
      ...defaultCallRules(),
      opensAt: new Date(Date.now() - 10 * DAY).toISOString(),
      closesAt: new Date(Date.now() - DAY).toISOString(),
    },
  });
  const applyCall = await f.call();
  const withdrawCall = await f.call();
  const lenientCall = await f.call({ rules: lenientRules() });

  const ownDraft = await created(member, call.id);
  const ownFileDoc = await upload(member, ownDraft, "certificate");
  const spare = await upload(member, ownDraft, "plan");
  const withdrawable = await created(member, withdrawCall.id);
  const ownSubmitted = await submitted(member, lenientCall.id);

  const other = (await otherMember(t)).client;
  const otherDraft = await completeDraft(other, call.id);
  const otherDocs = (await other.get(`/api/applications/${otherDraft.id}`)).json().documents as {
    id: string;
    file: { id: string };
  }[];
  // Complete (both documents), so that staff have items to review.
  const otherComplete = await completeDraft(other, (await f.call()).id);
  const otherSubmittedResponse = await submit(other, otherComplete.id, otherComplete.version, newKey());
  if (otherSubmittedResponse.statusCode !== 200) throw new Error(`submit: ${otherSubmittedResponse.body}`);
  const otherSubmitted = otherComplete.id;

  return {
    call: call.id,
    draftCall: draftCall.id,
    pastCall: pastCall.id,
    applyCall: applyCall.id,
    ownDraft,
    ownSpareDocument: spare.id,
    ownDocument: ownFileDoc.id,
    ownFile: ownFileDoc.file.id,
    withdrawable,
    ownSubmitted,
    otherDraft: otherDraft.id,
    otherDocument: otherDocs[0]?.id as string,
    otherFile: otherDocs[0]?.file.id as string,
    otherSubmitted,
    missing: randomUUID(),
  };
}

async function created(client: Client, callId: string): Promise<string> {
  const response = await client.post("/api/applications", { callId, track: "org" });
  if (response.statusCode !== 201) throw new Error(`create: ${response.statusCode} ${response.body}`);
  return response.json().id;
}

async function upload(client: Client, applicationId: string, key: string) {
  const response = await uploadDocument(client, applicationId, key, PDF, `${key}.pdf`);
  if (response.statusCode !== 201) throw new Error(`upload: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; file: { id: string } };
}

async function submitted(client: Client, callId: string): Promise<string> {
  const id = await created(client, callId);
  const version = (await client.get(`/api/applications/${id}`)).json().version;
  const response = await submit(client, id, version, newKey());
  if (response.statusCode !== 200) throw new Error(`submit: ${response.statusCode} ${response.body}`);
  return id;
}
