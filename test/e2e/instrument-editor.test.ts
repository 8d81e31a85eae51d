/**
 * Staff open the default capacity instrument, edit a dimension's weight in a new draft, see that
 * the weights no longer add up to 100, fix it, publish (told it freezes) and make the new version
 * a track's active one.
 */
import { expect, test } from "vitest";
import type { InstrumentList } from "../../src/schemas/incubation/instruments";
import { checkA11y } from "./support/a11y";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { SHOT_DIR, shot } from "./support/shot";
import { button, mainNav, openFromMenu, pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();

test(
  "staff edit the default instrument into version 2, publish it and make it a track's",
  async () => {
    const staff = await e2e.api("staff");
    const before = await staff.get<InstrumentList>("/api/instruments");
    const instrument = before.instruments.find((i) => i.name === "社会组织能力评估（孵化版）");
    expect(instrument?.versions.map((v) => [v.number, v.status])).toEqual([[1, "published"]]);

    const page = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "staff");
    await openFromMenu(page, "能力评估体系");
    await page.getByText("各赛道启用版本").waitFor();
    await checkA11y(page, "instruments list");
    await shot(page, "instruments-list-1280");

    // The published version, read only.
    await page.getByRole("link", { name: "v1" }).click();
    await pageHeading(page, "社会组织能力评估（孵化版） v1").waitFor();
    await page.getByText("该版本已发布，内容已冻结").waitFor();
    await page.getByText("党组织覆盖").first().waitFor();
    await checkA11y(page, "instrument version");
    await shot(page, "instrument-version-1280");
    // Printed: the instrument alone, without the menu and the buttons.
    await page.emulateMedia({ media: "print" });
    expect(await mainNav(page).isVisible()).toBe(false);
    await shot(page, "instrument-version-print");
    await page.emulateMedia({ media: "screen" });

    // Edit: a new draft, version 2.
    await page.goto("/instruments");
    await button(page, "编辑").first().click();
    await page.getByText("编辑草稿 v2").waitFor();
    const weights = page.getByLabel("维度权重");
    await weights.first().fill("15");
    await page.getByText("维度权重合计为 105，须等于 100").waitFor();
    await button(page, "保存草稿").click();
    await page.getByText("各维度权重之和须为 100（当前为 105）").first().waitFor();
    await checkA11y(page, "instrument editor");
    await shot(page, "instrument-editor-1280");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOT_DIR}/instrument-editor-top-1280.png` });
    await weights.nth(2).fill("5");
    await page.getByText("维度权重合计为 100").waitFor();
    await page.getByLabel("修改说明").fill("党建引领权重上调为 15，使命与战略下调为 5");
    await button(page, "保存草稿").click();
    await page.getByText("草稿已保存").first().waitFor();

    await button(page, "发布").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("发布后该版本内容将冻结").waitFor();
    await shot(page, "instrument-publish-confirm-1280", { asIs: true });
    await button(dialog, "确认发布").click();
    await page.getByText("该版本已发布，内容已冻结").waitFor();

    // Make version 2 the space track's.
    await page.goto("/instruments");
    await page.getByText("各赛道启用版本").waitFor();
    await page.getByLabel("空间入驻 启用版本").click();
    await page.getByTitle("社会组织能力评估（孵化版） v2").click();
    await button(page.getByRole("dialog"), "确定").click();
    await page.getByText("已设为启用版本").first().waitFor();
    await shot(page, "instruments-list-after-1280");

    const after = await staff.get<InstrumentList>("/api/instruments");
    const v2 = after.instruments.find((i) => i.id === instrument?.id)?.versions[0];
    expect(v2).toMatchObject({ number: 2, status: "published", tracks: ["space"] });
    expect(after.active.find((a) => a.track === "space")?.versionId).toBe(v2?.id);
    expect(after.active.find((a) => a.track === "org")?.versionId).toBe(instrument?.versions[0]?.id);

    // Staff on a phone: the list still reads.
    const phone = await e2e.page({ viewport: { width: 390, height: 844 } });
    await signIn(phone, "staff");
    await phone.goto("/instruments");
    await phone.getByText("各赛道启用版本").waitFor();
    await shot(phone, "instruments-list-390");
  },
  E2E_TEST_TIMEOUT,
);
