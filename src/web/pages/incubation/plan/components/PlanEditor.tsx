/**
 * The staff's editor of the draft plan: goals (each tied to a capacity dimension, weakest first),
 * their actions (owner side and person, due day, the intended 4Z service, the need it answers),
 * saved as one document at the version read. A stale save reloads the latest (409); a refused
 * field shows its message on the field.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { ACTION_OWNERS, SERVICE_CATEGORIES } from "../../../../../domain/incubation/plan";
import type { Need, PlanSave, PlanView } from "../../../../../schemas/incubation/plan";
import { isApiError } from "../../../../api/client";
import { useSavePlan } from "../../../../api/incubation/plan";
import { DateInput } from "../../../../components/DateInput";
import { errorMessage } from "../../../../components/serverErrors";
import { useLang } from "../../../../i18n";
import { usePlanLabels } from "./labels";

type Values = Omit<PlanSave, "version">;

export function PlanEditor({ view, needs }: { view: PlanView; needs: Need[] }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePlan(view.incubationId);
  const plan = view.plan;
  const initial: Values = plan
    ? {
        summary: plan.summary,
        goals: plan.goals.map((g) => ({
          id: g.id,
          title: g.title,
          dimensionKey: g.dimensionKey,
          target: g.target,
          actions: g.actions.map((a) => ({
            id: a.id,
            title: a.title,
            ownerSide: a.ownerSide,
            ownerUserId: a.ownerUserId,
            dueOn: a.dueOn,
            service: a.service,
            needId: a.needId,
          })),
        })),
      }
    : { summary: "", goals: [{ title: "", target: "", actions: [] }] };
  const weakest = view.dimensions
    .filter((d) => d.score !== null)
    .slice(0, 3)
    .map((d) => d.key);
  const dimensionOptions = view.dimensions.map((d) => ({
    value: d.key,
    label: `${d.name[lang]}${d.score !== null ? ` · ${Math.round(d.score)}` : ""}${weakest.includes(d.key) ? ` (${t("incubationPlan.plan.weak")})` : ""}`,
  }));
  const ownerOptions = (side: string) =>
    view.owners.filter((o) => o.side === side).map((o) => ({ value: o.id, label: o.name }));

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({ ...values, version: plan?.version ?? 0 });
      message.success(t("incubationPlan.plan.saved"));
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        message.warning(t("incubationPlan.plan.conflict"));
      } else if (isApiError(error) && error.field) {
        const name = error.field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        form.setFields([{ name: name as never, errors: [error.message] }]);
        form.scrollToField(name as never, { block: "center" });
      } else message.error(errorMessage(error));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} key={plan?.version ?? 0}>
      <Form.Item name="summary" label={t("incubationPlan.plan.summary")}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.List name="goals">
        {(goals, goalOps) => (
          <Flex vertical gap={16}>
            {goals.map((goal, g) => (
              <Card
                key={goal.key}
                size="small"
                title={t("incubationPlan.plan.goalN", { n: g + 1 })}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => goalOps.remove(goal.name)}
                  >
                    {t("incubationPlan.plan.removeGoal")}
                  </Button>
                }
              >
                <Form.Item name={[goal.name, "id"]} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[goal.name, "title"]}
                  label={t("incubationPlan.plan.goalTitle")}
                  rules={[{ required: true }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Flex wrap gap={16}>
                  <Form.Item
                    name={[goal.name, "dimensionKey"]}
                    label={t("incubationPlan.plan.dimension")}
                    style={{ flex: "1 1 240px" }}
                  >
                    <Select
                      allowClear
                      placeholder={t("incubationPlan.plan.dimensionNone")}
                      options={dimensionOptions}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[goal.name, "target"]}
                    label={t("incubationPlan.plan.target")}
                    style={{ flex: "2 1 300px" }}
                  >
                    <Input maxLength={500} />
                  </Form.Item>
                </Flex>
                <Form.List name={[goal.name, "actions"]}>
                  {(actions, actionOps) => (
                    <Flex vertical gap={8}>
                      {actions.map((action, a) => (
                        <Card
                          key={action.key}
                          size="small"
                          type="inner"
                          title={t("incubationPlan.plan.actionN", { n: a + 1 })}
                          extra={
                            <Button
                              size="small"
                              type="text"
                              danger
                              onClick={() => actionOps.remove(action.name)}
                            >
                              {t("incubationPlan.plan.removeAction")}
                            </Button>
                          }
                        >
                          <Form.Item name={[action.name, "id"]} hidden>
                            <Input />
                          </Form.Item>
                          <Form.Item
                            name={[action.name, "title"]}
                            label={t("incubationPlan.plan.action")}
                            rules={[{ required: true }]}
                          >
                            <Input maxLength={200} />
                          </Form.Item>
                          <Flex wrap gap={12}>
                            <Form.Item
                              name={[action.name, "ownerSide"]}
                              label={t("incubationPlan.plan.owner")}
                              rules={[{ required: true }]}
                              style={{ flex: "1 1 120px" }}
                            >
                              <Select
                                options={ACTION_OWNERS.map((o) => ({ value: o, label: labels.owner[o] }))}
                              />
                            </Form.Item>
                            <Form.Item
                              noStyle
                              dependencies={[["goals", goal.name, "actions", action.name, "ownerSide"]]}
                            >
                              {() => (
                                <Form.Item
                                  name={[action.name, "ownerUserId"]}
                                  label={t("incubationPlan.plan.ownerUser")}
                                  style={{ flex: "1 1 160px" }}
                                >
                                  <Select
                                    allowClear
                                    placeholder={t("incubationPlan.plan.ownerUserNone")}
                                    options={ownerOptions(
                                      form.getFieldValue([
                                        "goals",
                                        goal.name,
                                        "actions",
                                        action.name,
                                        "ownerSide",
                                      ]),
                                    )}
                                  />
                                </Form.Item>
                              )}
                            </Form.Item>
                            <Form.Item
                              name={[action.name, "dueOn"]}
                              label={t("incubationPlan.plan.due")}
                              rules={[{ required: true }]}
                              style={{ flex: "1 1 150px" }}
                            >
                              <DateInput
                                min={view.startOn}
                                max={`${Number(view.plannedEndOn.slice(0, 4)) + 5}${view.plannedEndOn.slice(4)}`}
                              />
                            </Form.Item>
                            <Form.Item
                              name={[action.name, "service"]}
                              label={t("incubationPlan.plan.service")}
                              style={{ flex: "1 1 120px" }}
                            >
                              <Select
                                allowClear
                                placeholder={t("incubationPlan.plan.serviceNone")}
                                options={SERVICE_CATEGORIES.map((c) => ({
                                  value: c,
                                  label: labels.category[c],
                                }))}
                              />
                            </Form.Item>
                            <Form.Item
                              name={[action.name, "needId"]}
                              label={t("incubationPlan.plan.need")}
                              style={{ flex: "2 1 200px" }}
                            >
                              <Select
                                allowClear
                                placeholder={t("incubationPlan.plan.needNone")}
                                options={needs.map((n) => ({
                                  value: n.id,
                                  label: `${labels.category[n.category]} · ${n.title}`,
                                }))}
                              />
                            </Form.Item>
                          </Flex>
                        </Card>
                      ))}
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => actionOps.add({ ownerSide: "organization", title: "" })}
                      >
                        {t("incubationPlan.plan.addAction")}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => goalOps.add({ title: "", target: "", actions: [] })}
            >
              {t("incubationPlan.plan.addGoal")}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Flex gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("incubationPlan.plan.save")}
        </Button>
      </Flex>
    </Form>
  );
}
