/**
 * Training check-in by QR: the trainer's projector screen shows a rotating QR code of the app's
 * check-in page; the participant (the demo member, enrolled in today's demo session) opens that
 * URL on a phone (390 px), signed in, and is checked in; the page says so plainly. Also the
 * talent programme's certificate prints on one A4 page.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import type { TrainingSummary } from "../../src/schemas/services/trainings";
import type { MyTrainings } from "../../src/web/api/services/trainings";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { SHOT_DIR, shot } from "./support/shot";
import { signIn } from "./support/ui";

const e2e = setupE2E();
const LOOK = "/tmp/shots-trainings";

test(
  "a participant checks in by the QR code on a phone",
  async () => {
    mkdirSync(LOOK, { recursive: true });
    const staffApi = await e2e.api("staff");
    const today = await staffApi.get<{ items: TrainingSummary[] }>("/api/trainings?when=today");
    const training = today.items.find((i) => i.status === "published");
    if (!training) throw new Error("no training today in the demo data");

    const screen = await e2e.page({ viewport: DESKTOP });
    await signIn(screen, "staff");
    await screen.goto(`/trainings/${training.id}/check-in-screen`);
    const qr = screen.locator("img[data-check-in-url]");
    await qr.waitFor();
    const url = await qr.getAttribute("data-check-in-url");
    expect(url).toContain(`/check-in/${training.id}?code=`);
    await checkA11y(screen, "check-in screen");
    copyFileSync(await shot(screen, "training-check-in-screen"), path.join(LOOK, "check-in-screen.png"));

    const phone = await e2e.page({ viewport: { width: 390, height: 844 }, mobile: true });
    await signIn(phone, "member");
    await phone.goto(new URL(url as string).pathname + new URL(url as string).search);
    await phone.getByText("签到成功").waitFor();
    await checkA11y(phone, "check-in on a phone");
    copyFileSync(await shot(phone, "training-check-in-phone"), path.join(LOOK, "check-in-phone.png"));
    // The same code again: refused, said plainly.
    await phone.reload();
    await phone.getByText("签到未成功").waitFor();
    await phone
      .getByText(/已签到/)
      .first()
      .waitFor();
    copyFileSync(await shot(phone, "training-check-in-again"), path.join(LOOK, "check-in-again.png"));
  },
  E2E_TEST_TIMEOUT,
);

test(
  "the talent programme's certificate prints on A4",
  async () => {
    const member = await e2e.api("member");
    const mine = await member.get<MyTrainings>("/api/trainings/mine");
    const cert = mine.certificates[0];
    if (!cert) throw new Error("the demo member has no certificate");
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "member");
    await page.goto(`/training-certificates/${cert.id}`);
    await page.getByText(cert.number, { exact: false }).waitFor();
    await checkA11y(page, "certificate");
    copyFileSync(await shot(page, "training-certificate"), path.join(LOOK, "certificate-screen.png"));
    await page.emulateMedia({ media: "print" });
    const pdf = path.join(SHOT_DIR, "training-certificate.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", pdf, path.join(LOOK, "certificate-page")]);
    expect(readdirSync(LOOK).filter((f) => f.startsWith("certificate-page"))).toHaveLength(1);
  },
  E2E_TEST_TIMEOUT,
);
