/**
 * A service request's attachments: the organization and whoever handles it attach files while the
 * request is open; the record that closes it names them and lists them; everyone else is kept out
 * exactly as from the request (another organization or partner 404, a role that never writes 403);
 * a closed request takes no more files (409), and a close naming another request's file is 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, startTestApp, type TestApp } from "../../support/app";
import { multipartBody, PDF, PNG } from "../recruitment/applications-support";
import { catalogueService, memberOf, partnerWithUser, recordBody } from "./support";

let t: TestApp;
let staff: Client;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn("staff");
});
afterAll(() => t.close());

const upload = (client: Client, id: string, content = PNG, filename = "现场照片.png") =>
  client.request({
    method: "POST",
    url: `/api/services/requests/${id}/files`,
    ...multipartBody({}, { content, filename }),
  });
const view = async (client: Client, id: string) => (await client.get(`/api/services/requests/${id}`)).json();

async function openRequest(member: Client) {
  const service = await catalogueService(t);
  const res = await member.post("/api/services/requests", {
    catalogueId: service.id,
    detail: "附上章程草稿",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe("attachments of a service request", () => {
  it("the organization and the partner handling it attach; the record closing it names and lists them", async () => {
    const { client: member } = await memberOf(t);
    const id = await openRequest(member);
    let res = await upload(member, id, PDF, "章程草稿.pdf");
    expect(res.statusCode, res.body).toBe(201);
    const papers = res.json().id as string;
    expect((await view(member, id)).may.attach).toBe(true);

    let v = await view(staff, id);
    expect(v.files).toEqual([{ id: papers, name: "章程草稿.pdf" }]);
    const { partner, client: partnerClient } = await partnerWithUser(t);
    // Not yet its request: the partner finds nothing to attach to.
    expect((await upload(partnerClient, id)).statusCode).toBe(404);
    await staff.post(`/api/services/requests/${id}/accept`, { version: v.version });
    v = await view(staff, id);
    res = await staff.post(`/api/services/requests/${id}/assign`, {
      version: v.version,
      handlerKind: "partner",
      partnerId: partner.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await upload(partnerClient, id);
    expect(res.statusCode, res.body).toBe(201);
    const photo = res.json().id as string;

    v = await view(partnerClient, id);
    res = await partnerClient.post(`/api/services/requests/${id}/close`, {
      version: v.version,
      ...recordBody({ fileIds: [photo] }),
    });
    expect(res.statusCode, res.body).toBe(200);
    v = await view(member, id);
    expect(v.record.files.map((f: { name: string }) => f.name)).toEqual(["章程草稿.pdf", "现场照片.png"]);
    expect(v.may.attach).toBe(false);
    expect((await member.get(`/api/files/${photo}`)).statusCode).toBe(200);

    // Closed: no more files, from either side.
    expect((await upload(member, id)).statusCode).toBe(409);
    expect((await upload(partnerClient, id)).statusCode).toBe(409);
    expect((await view(staff, id)).files).toHaveLength(2);
  });

  it("keeps out another organization (404), a role that never writes (403), and another request's file on close (400)", async () => {
    const { client: member } = await memberOf(t);
    const { client: stranger } = await memberOf(t);
    const id = await openRequest(member);
    const other = await openRequest(stranger);
    expect((await upload(stranger, id)).statusCode).toBe(404);
    expect((await upload(await t.signIn("expert"), id)).statusCode).toBe(403);
    const strangers = (await upload(stranger, other)).json().id as string;
    expect((await stranger.get(`/api/files/${strangers}`)).statusCode).toBe(200);
    expect((await member.get(`/api/files/${strangers}`)).statusCode).toBe(404);

    let v = await view(staff, id);
    await staff.post(`/api/services/requests/${id}/accept`, { version: v.version });
    v = await view(staff, id);
    const res = await staff.post(`/api/services/requests/${id}/close`, {
      version: v.version,
      ...recordBody({ fileIds: [strangers] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe("fileIds");
    // Nothing changed: still accepted, no record, no file moved.
    v = await view(staff, id);
    expect(v).toMatchObject({ status: "accepted", record: null, files: [] });
  });

  it("refuses a file of a type it does not take (400) and writes no row", async () => {
    const { client: member } = await memberOf(t);
    const id = await openRequest(member);
    const res = await upload(
      member,
      id,
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(200).fill(0)]),
      "x.pdf",
    );
    expect(res.statusCode).toBe(400);
    expect((await view(member, id)).files).toEqual([]);
  });
});
