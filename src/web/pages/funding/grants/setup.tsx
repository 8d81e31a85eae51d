/**
 * Setting up a grant (/funding/grants/new?projectId=…) and editing it while proposed
 * (/funding/grants/:id/edit): fund, amount, dates, budget lines and tranches with live sums in yuan
 * and what is still to allocate, milestones a tranche may wait for; the project's cap and the
 * fund's free amount are shown. Editing keeps the version read (a stale save is a conflict).
 */
import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { BUDGET_CATEGORIES, TRANCHE_CONDITIONS } from "../../../../domain/funding/grant";
import { formatFen, parseYuan } from "../../../../domain/funding/money";
import type { GrantView } from "../../../../schemas/funding/grants";
import { isApiError } from "../../../api/client";
import {
  fetchGrant,
  useGrant,
  useGrantSetup,
  useProposeGrant,
  useUpdateGrant,
} from "../../../api/funding/grants";
import { DateInput } from "../../../components/DateInput";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useVersionedForm } from "../../../components/useVersionedForm";
import { emptyValues, fenOf, type GrantFormValues, toFormValues, toInput } from "./form-values";

const DAY_MIN = "2000-01-01";
const DAY_MAX = "2100-12-31";

export default function GrantSetupPage() {
  const { id } = useParams();
  const original = useGrant(id ?? "");
  if (!id) return <GrantForm />;
  if (original.isError) return <QueryError error={original.error} onRetry={() => void original.refetch()} />;
  if (!original.data) return <Card loading aria-busy />;
  return <GrantForm original={original.data} />;
}

function GrantForm({ original }: { original?: GrantView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const projectId = original?.project.id ?? params.get("projectId");
  const setup = useGrantSetup(projectId, original?.id);
  const [form] = Form.useForm<GrantFormValues>();
  const editor = useVersionedForm({
    form,
    original,
    fetchLatest: fetchGrant,
    toFormValues,
    showFieldError: (error) => {
      if (!isApiError(error) || !error.field) return false;
      const path = error.field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      const name = path[0] === "amountFen" ? ["amountYuan"] : path;
      form.setFields([{ name: name as never, errors: [error.message] }]);
      return true;
    },
    keptMineMessage: t("grants.setup.keptMine"),
  });
  const propose = useProposeGrant();
  const update = useUpdateGrant(original?.id ?? "");
  const values = Form.useWatch([], form) as GrantFormValues | undefined;
  const amountFen = fenOf(values?.amountYuan);
  const yuan = (fen: number) => t("grants.yuan", { amount: formatFen(fen) });

  const onFinish = async (v: GrantFormValues) => {
    editor.clearFormError();
    try {
      const input = toInput(v);
      const saved = original
        ? await update.mutateAsync({ ...input, version: editor.version })
        : await propose.mutateAsync({ ...input, projectId: projectId ?? "" });
      message.success(t("grants.setup.saved"));
      editor.saved();
      navigate(`/funding/grants/${saved.id}`, { replace: !original });
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  const sumLine = (items: { amountYuan?: string }[] | undefined) => {
    const sum = (items ?? []).reduce((s, i) => s + fenOf(i.amountYuan), 0);
    const gap = amountFen - sum;
    return (
      // The tags' darker green and orange: antd's success and warning text fail AA contrast.
      <Typography.Text style={{ color: gap === 0 ? "#237804" : "#873800" }} aria-live="polite">
        {t("grants.total")} {yuan(sum)}
        {amountFen > 0 &&
          ` · ${
            gap === 0
              ? t("grants.balanced")
              : gap > 0
                ? t("grants.remaining", { amount: formatFen(gap) })
                : t("grants.over", { amount: formatFen(-gap) })
          }`}
      </Typography.Text>
    );
  };
  const yuanRule = {
    validator: (_: unknown, v?: string) =>
      v && parseYuan(v) && (parseYuan(v) ?? 0) > 0
        ? Promise.resolve()
        : Promise.reject(t("grants.setup.amountInvalid")),
  };
  const fund = setup.data?.funds.find((f) => f.id === values?.fundId);
  const milestoneOptions = (values?.milestones ?? []).map((m, i) => ({
    value: i,
    label: m.title || `#${i + 1}`,
  }));

  return (
    <>
      <PageHeader
        title={t(original ? "grants.setup.editTitle" : "grants.setup.newTitle")}
        subTitle={
          setup.data?.project
            ? `${setup.data.project.title} · ${setup.data.project.organizationName}`
            : undefined
        }
        backTo={original ? `/funding/grants/${original.id}` : "/funding/grants"}
      />
      {!projectId && (
        <Card style={{ marginBottom: 16 }}>
          <label htmlFor="grant-project" style={{ display: "block", marginBottom: 8 }}>
            {t("grants.setup.pickProject")}
          </label>
          <Select
            id="grant-project"
            showSearch
            optionFilterProp="label"
            style={{ width: "100%", maxWidth: 560 }}
            loading={setup.isLoading}
            onChange={(value: string) => setParams({ projectId: value }, { replace: true })}
            options={(setup.data?.projects ?? []).map((p) => ({
              value: p.id,
              label: `${p.title} · ${p.organizationName}`,
            }))}
          />
        </Card>
      )}
      {setup.isError && <QueryError error={setup.error} onRetry={() => void setup.refetch()} />}
      {setup.data?.project && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          showIcon
          title={t("grants.setup.cap", {
            cap: formatFen(setup.data.capFen),
            used: formatFen(setup.data.projectGrantsFen),
            room: formatFen(setup.data.capRoomFen),
          })}
          description={t("grants.setup.twoPerson")}
        />
      )}
      <Form<GrantFormValues>
        form={form}
        name="grant"
        layout="vertical"
        initialValues={original ? toFormValues(original) : emptyValues()}
        onValuesChange={() => editor.markDirty()}
        onFinish={(v) => void onFinish(v)}
        scrollToFirstError={{ block: "center", focus: true }}
        style={{ display: "grid", gap: 16 }}
        disabled={!projectId}
      >
        {editor.banners}
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("grants.terms")}</h2>}>
          <Form.Item
            name="fundId"
            label={t("grants.fund")}
            rules={[{ required: true }]}
            extra={
              fund
                ? t("grants.setup.fundHelp", {
                    available: formatFen(fund.availableFen),
                    capacity: formatFen(fund.capacityFen),
                  })
                : undefined
            }
          >
            <Select
              loading={setup.isLoading}
              options={(setup.data?.funds ?? []).map((f) => ({
                value: f.id,
                label: `${f.name}（${t(`grants.fundKind.${f.kind}`)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item name="amountYuan" label={t("grants.setup.amountYuan")} rules={[yuanRule]}>
            <Input inputMode="decimal" prefix="¥" style={{ maxWidth: 240 }} />
          </Form.Item>
          <Flex wrap gap={16}>
            <Form.Item name="startsOn" label={t("grants.setup.startsOn")} rules={[{ required: true }]}>
              <DateInput min={DAY_MIN} max={DAY_MAX} />
            </Form.Item>
            <Form.Item name="endsOn" label={t("grants.setup.endsOn")} rules={[{ required: true }]}>
              <DateInput min={DAY_MIN} max={DAY_MAX} />
            </Form.Item>
          </Flex>
        </Card>

        <Card
          title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("grants.budgetLines")}</h2>}
          extra={sumLine(values?.budgetLines)}
        >
          <Form.List name="budgetLines">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, i) => (
                  <Flex key={field.key} wrap gap={8} align="start">
                    <Form.Item
                      name={[field.name, "category"]}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Select
                        aria-label={`${t("grants.budget")} ${i + 1}`}
                        style={{ width: 140 }}
                        options={BUDGET_CATEGORIES.map((c) => ({
                          value: c,
                          label: t(`grants.category.${c}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "description"]}
                      style={{ marginBottom: 0, flex: "1 1 180px" }}
                    >
                      <Input
                        aria-label={`${t("grants.description")} ${i + 1}`}
                        maxLength={200}
                        placeholder={t("grants.description")}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "amountYuan"]}
                      rules={[yuanRule]}
                      style={{ marginBottom: 0 }}
                    >
                      <Input
                        aria-label={`${t("grants.budgetAmount")} ${i + 1}`}
                        inputMode="decimal"
                        prefix="¥"
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)} disabled={fields.length === 1}>
                      {t("grants.setup.remove")}
                    </Button>
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add({ category: "other", description: "" })}>
                  {t("grants.setup.addLine")}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>

        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("grants.milestones")}</h2>}>
          <Form.List name="milestones">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, i) => (
                  <Flex key={field.key} wrap gap={8} align="start">
                    <Form.Item
                      name={[field.name, "title"]}
                      rules={[{ required: true, whitespace: true }]}
                      style={{ marginBottom: 0, flex: "1 1 200px" }}
                    >
                      <Input
                        aria-label={`${t("grants.title_")} ${i + 1}`}
                        maxLength={100}
                        placeholder={t("grants.title_")}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "dueOn"]}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0 }}
                    >
                      <DateInput aria-label={`${t("grants.dueOn")} ${i + 1}`} min={DAY_MIN} max={DAY_MAX} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>{t("grants.setup.remove")}</Button>
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add({ title: "" })}>
                  {t("grants.setup.addMilestone")}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>

        <Card
          title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("grants.tranches")}</h2>}
          extra={sumLine(values?.tranches)}
        >
          <Form.List name="tranches">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field, i) => (
                  <Flex key={field.key} wrap gap={8} align="start">
                    <Typography.Text style={{ lineHeight: "32px" }}>
                      {t("grants.seq", { seq: i + 1 })}
                    </Typography.Text>
                    <Form.Item
                      name={[field.name, "amountYuan"]}
                      rules={[yuanRule]}
                      style={{ marginBottom: 0 }}
                    >
                      <Input
                        aria-label={`${t("grants.trancheAmount")} ${i + 1}`}
                        inputMode="decimal"
                        prefix="¥"
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "condition"]}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Select
                        aria-label={`${t("grants.condition_")} ${i + 1}`}
                        style={{ width: 170 }}
                        options={TRANCHE_CONDITIONS.map((c) => ({
                          value: c,
                          label: t(`grants.condition.${c}`),
                        }))}
                      />
                    </Form.Item>
                    {values?.tranches?.[i]?.condition === "milestone_met" && (
                      <Form.Item
                        name={[field.name, "milestoneIndex"]}
                        rules={[{ required: true }]}
                        style={{ marginBottom: 0 }}
                      >
                        <Select
                          aria-label={`${t("grants.setup.milestone")} ${i + 1}`}
                          style={{ width: 180 }}
                          options={milestoneOptions}
                        />
                      </Form.Item>
                    )}
                    <Form.Item name={[field.name, "plannedOn"]} style={{ marginBottom: 0 }}>
                      <DateInput
                        aria-label={`${t("grants.plannedOn")} ${i + 1}`}
                        min={DAY_MIN}
                        max={DAY_MAX}
                      />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)} disabled={fields.length === 1}>
                      {t("grants.setup.remove")}
                    </Button>
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add({ condition: "milestone_met" })}>
                  {t("grants.setup.addTranche")}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={propose.isPending || update.isPending}>
            {t(original ? "grants.setup.save" : "grants.setup.submit")}
          </Button>
        </Space>
      </Form>
    </>
  );
}
