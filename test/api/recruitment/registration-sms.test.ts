import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "../../../scripts/lib/processes";
import { startTestApp, type TestApp } from "../../support/app";
import { freshAddress, freshMobile, post } from "./registration-support";

let t: TestApp;
let gateway: Server;
let status = 200;
const received: unknown[] = [];

beforeAll(async () => {
  const port = await freePort();
  gateway = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ method: req.method, type: req.headers["content-type"], body: JSON.parse(body) });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => gateway.listen(port, "127.0.0.1", resolve));
  t = await startTestApp({ smsWebhookUrl: `http://127.0.0.1:${port}/sms` });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => gateway.close(resolve));
});

it("posts the code as JSON to SMS_WEBHOOK_URL", async () => {
  const mobile = freshMobile();
  const res = await post(t, "/api/registration/codes", { mobile }, freshAddress());
  expect(res.statusCode).toBe(200);
  expect(received).toEqual([
    {
      method: "POST",
      type: "application/json",
      body: { mobile, text: expect.stringMatching(/验证码为 \d{6}，10 分钟内有效/) },
    },
  ]);
});

it("answers 503 when the gateway refuses, and refusals cost the number none of its codes", async () => {
  const mobile = freshMobile();
  const address = freshAddress();
  status = 502;
  // More failures than the number's hourly allowance (5): none of them is counted.
  for (let i = 0; i < 6; i++) {
    const refused = await post(t, "/api/registration/codes", { mobile }, address);
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({
      code: "sms_unavailable",
      message: expect.stringContaining("验证码短信暂时发送不出去"),
    });
  }
  status = 200;
  const again = await post(t, "/api/registration/codes", { mobile }, address);
  expect(again.statusCode, again.body).toBe(200);
});

it("treats an unreachable gateway as a refusal: nothing was sent, the number keeps its codes", async () => {
  const down = await startTestApp({ smsWebhookUrl: `http://127.0.0.1:${await freePort()}/sms` });
  try {
    const mobile = freshMobile();
    for (let i = 0; i < 6; i++) {
      const refused = await post(down, "/api/registration/codes", { mobile }, freshAddress());
      expect(refused.statusCode, refused.body).toBe(503);
    }
  } finally {
    await down.close();
  }
});
