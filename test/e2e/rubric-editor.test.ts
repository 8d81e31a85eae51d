/**
 * Staff edit a track's rubric in the browser: its criteria's names, weights, what the expert
 * looks at and what each level means. Version 1 was used by the demo's rounds, so the edit makes
 * version 2 and leaves version 1 as it was, listed among the older versions.
 */
import { expect, test } from "vitest";
import type { RubricList } from "../../src/schemas/admission/rubrics";
import { checkA11y } from "./support/a11y";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { button, pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();

test(
  "staff edit the words of a used rubric and get its next version, the old one kept",
  async () => {
    const staff = await e2e.api("staff");
    const before = (await staff.get<RubricList>("/api/rubrics")).tracks.find((x) => x.track === "org");
    if (!before) throw new Error("no organization-track rubric");
    expect(before.current.frozenAt).not.toBeNull();

    const page = await e2e.page({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "staff");
    await page.goto("/rubrics");
    await pageHeading(page, "评审指标").waitFor();
    await button(page, "修改指标").click();
    const first = before.current.criteria[0];
    if (!first) throw new Error("the rubric has no criteria");
    await page.getByLabel("评审要点").first().fill("需求是否真实、迫切，有无本地调研数据");
    const band = first.levels.at(-1);
    if (!band) throw new Error("the criterion has no level bands");
    await page.getByLabel(`${band.min}–${band.max} 分的含义`).first().fill("需求迫切且有扎实的本地调研");
    await checkA11y(page, "rubric editor");
    await shot(page, "rubric-editor-1280");
    await button(page, "保存").click();
    await page.getByText("已保存").first().waitFor();

    const after = (await staff.get<RubricList>("/api/rubrics")).tracks.find((x) => x.track === "org");
    expect(after?.current.version).toBe(before.current.version + 1);
    expect(after?.current.frozenAt).toBeNull();
    expect(after?.current.criteria[0]?.description.zhCN).toBe("需求是否真实、迫切，有无本地调研数据");
    expect(after?.current.criteria[0]?.levels.at(-1)?.meaning.zhCN).toBe("需求迫切且有扎实的本地调研");
    // The version the rounds used is untouched.
    expect(after?.older[0]?.id).toBe(before.current.id);
    expect(after?.older[0]?.criteria[0]?.description.zhCN).toBe(first.description.zhCN);
    await page.getByText("需求迫切且有扎实的本地调研").first().waitFor();
  },
  E2E_TEST_TIMEOUT,
);
