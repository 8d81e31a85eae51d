/** Helpers shared by the application and file API tests: the actors, a call, files, multipart. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { users } from "../../../src/db/schema";
import type { CallRules } from "../../../src/domain/call";
import { defaultCallRules, FACTORY_PASSWORD, make } from "../../factories";
import { type Client, startTestApp, type TestApp } from "../../support/app";

/** A test app whose uploads go to a fresh temporary DATA_DIR. */
export async function startApplicationsApp(): Promise<TestApp> {
  return startTestApp({ dataDir: mkdtempSync(path.join(tmpdir(), "hatchery-apps-")) });
}

/** The demo member's organization id. */
export async function memberOrganizationId(t: TestApp): Promise<string> {
  const [row] = await t.db.select().from(users).where(eq(users.username, "member")).limit(1);
  if (!row?.organizationId) throw new Error("demo member has no organization");
  return row.organizationId;
}

/** A new organization with its own member account, signed in. */
export async function otherMember(
  t: TestApp,
  values: Parameters<ReturnType<typeof make>["organization"]>[0] = {},
): Promise<{ client: Client; organizationId: string }> {
  const organization = await make(t).organization(values);
  const user = await make(t).user({ roles: ["org_member"], organizationId: organization.id });
  return { client: await t.signIn(user.username, FACTORY_PASSWORD), organizationId: organization.id };
}

/** A published call open now; `rules` replaces parts of the factory's rules. */
export async function openCall(
  t: TestApp,
  rules: Partial<CallRules> = {},
  values: Record<string, unknown> = {},
) {
  return make(t).call({ ...values, rules: { ...defaultCallRules(), ...rules } });
}

export const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< >>\n%%EOF\n");
export const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
export const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);
export const PE = (() => {
  const b = Buffer.alloc(512);
  b.write("MZ", 0, "latin1");
  b.writeUInt32LE(0x80, 0x3c);
  b.write("PE\0\0", 0x80, "latin1");
  return b;
})();
export const TEXT = Buffer.from("这只是一个文本文件，不是 Word 文档。\nplain text\n");

/** A multipart body: text fields first, then the file (as browsers send a FormData). */
export function multipartBody(
  fields: Record<string, string>,
  file: { content: Buffer; filename: string; contentType?: string } | null,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----hatchery${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
        "utf8",
      ),
    );
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType ?? "application/octet-stream"}\r\n\r\n`,
        "utf8",
      ),
      file.content,
      Buffer.from("\r\n", "utf8"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`, "utf8"));
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

/** Uploads `content` as a document of `applicationId` for `requirementKey`. */
export function uploadDocument(
  client: Client,
  applicationId: string,
  requirementKey: string,
  content: Buffer,
  filename: string,
) {
  const { payload, headers } = multipartBody({ requirementKey }, { content, filename });
  return client.request({
    method: "POST",
    url: `/api/applications/${applicationId}/documents`,
    payload,
    headers,
  });
}

/** A draft of the client's organization for `callId`, answered and with both documents. */
export async function completeDraft(client: Client, callId: string, track = "org") {
  const created = await client.post("/api/applications", { callId, track });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const saved = await client.patch(`/api/applications/${id}`, {
    version: created.json().version,
    answers: { motivation: "希望通过孵化提升组织内部治理能力。", beneficiaries: 1200 },
  });
  if (saved.statusCode !== 200) throw new Error(`save: ${saved.statusCode} ${saved.body}`);
  for (const key of ["certificate", "plan"]) {
    const up = await uploadDocument(client, id, key, PDF, `${key}.pdf`);
    if (up.statusCode !== 201) throw new Error(`upload: ${up.statusCode} ${up.body}`);
  }
  const detail = await client.get(`/api/applications/${id}`);
  return detail.json() as { id: string; version: number; problems: unknown[] };
}

let keySerial = 0;
export const newKey = () => `key-${Date.now()}-${++keySerial}-${Math.random().toString(36).slice(2)}`;

export function submit(client: Client, id: string, version: number, key: string | null = newKey()) {
  return client.post(`/api/applications/${id}/submit`, { version }, key ? { "idempotency-key": key } : {});
}

/** A new open call and a new organization's member with an empty draft for it. */
export async function newDraft(t: TestApp, track = "org") {
  const call = await openCall(t);
  const { client } = await otherMember(t);
  const created = await client.post("/api/applications", { callId: call.id, track });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  return { call, client, draft: created.json() };
}

/** The same with the draft answered and both documents attached: ready to submit. */
export async function newCompleteDraft(t: TestApp) {
  const call = await openCall(t);
  const { client } = await otherMember(t);
  return { call, client, draft: await completeDraft(client, call.id) };
}
