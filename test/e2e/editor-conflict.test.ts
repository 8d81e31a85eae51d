/**
 * Two people edit one record: the one who saves second meets the conflict banner, keeps what
 * they typed on top of the latest version, and saves. The same for an organization and a call
 * (both editors share useVersionedForm): nothing typed is lost, nothing saved is overwritten.
 */
import type { Page } from "playwright-core";
import { expect, test } from "vitest";
import type { Organization, OrganizationPage } from "../../src/schemas/platform/organizations";
import type { Call } from "../../src/schemas/recruitment/calls";
import { defaultCallRules } from "../factories";
import { checkA11y } from "./support/a11y";
import { DESKTOP } from "./support/browser";
import { E2E_TEST_TIMEOUT, setupE2E } from "./support/e2e";
import { shot } from "./support/shot";
import { pageHeading, signIn } from "./support/ui";

const e2e = setupE2E();

// The form's submit button. Not by its name: after a failed save antd keeps the fading loading
// icon (role img, "loading") in the button for a while, so its name is briefly "loading 保存".
const save = (page: Page) => page.locator("form button[type=submit]");

test(
  "an organization and a call saved by someone else meanwhile: keep mine, then save",
  async () => {
    const staff = await e2e.api("staff");
    const page = await e2e.page({ viewport: DESKTOP });
    await signIn(page, "staff");

    // An organization: I rename it while a colleague changes its introduction.
    const [org] = (await staff.get<OrganizationPage>("/api/organizations?page=1&pageSize=1")).items;
    if (!org) throw new Error("no demo organization");
    await page.goto(`/organizations/${org.id}/edit`);
    await pageHeading(page, "编辑社会组织").waitFor();
    const myName = `${org.name}（冲突测试）`;
    await page.getByLabel("组织名称").fill(myName);
    const current = await staff.get<Organization>(`/api/organizations/${org.id}`);
    await staff.patch(`/api/organizations/${org.id}`, {
      ...current,
      name: "同事改过的名称",
      version: current.version,
    });

    await save(page).click();
    const keepMine = page.getByRole("button", { name: "保留我的修改（以最新版本为基础）" });
    await keepMine.waitFor();
    await checkA11y(page, "organization edit with a conflict");
    await shot(page, "conflict-organization");
    await keepMine.click();
    await expect.poll(() => page.getByLabel("组织名称").inputValue()).toBe(myName);
    await save(page).click();
    await page.waitForURL((url) => url.pathname === `/organizations/${org.id}`);
    expect((await staff.get<Organization>(`/api/organizations/${org.id}`)).name).toBe(myName);

    // A draft call: I retitle it while a colleague edits it too.
    const call = await staff.post<Call>("/api/calls", {
      title: "冲突测试招募",
      description: "",
      rules: defaultCallRules(),
    });
    await page.goto(`/calls/${call.id}/edit`);
    await pageHeading(page, "编辑招募").waitFor();
    await page.getByLabel("招募标题").fill("冲突测试招募（我的标题）");
    await staff.patch(`/api/calls/${call.id}`, {
      title: "冲突测试招募（同事的标题）",
      description: "",
      rules: call.rules,
      version: call.version,
    });

    await save(page).click();
    await keepMine.waitFor();
    await keepMine.click();
    await page.getByText("已载入最新版本，您的修改保留在表单中").waitFor();
    await save(page).click();
    await page.waitForURL((url) => url.pathname === `/calls/${call.id}`);
    const saved = await staff.get<Call>(`/api/calls/${call.id}`);
    expect(saved.title).toBe("冲突测试招募（我的标题）");
    expect(saved.version).toBe(call.version + 2);
  },
  E2E_TEST_TIMEOUT,
);
