/**
 * The project editor's fields (new and edit): basics, where it runs, the logical framework as
 * lists of statements, and the indicators, each on its own card so the form reads on a phone.
 */
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import type { Track } from "../../../../domain/call";
import { LOGFRAME_LEVELS, REPORTING_FREQUENCIES } from "../../../../domain/funding/grant";
import { FIVE_GOOD_FIELDS } from "../../../../domain/organization";
import type { ProjectUpdate, ProjectView } from "../../../../schemas/funding/projects";
import { useProgrammes } from "../../../api/funding/projects";

export type ProjectValues = Omit<ProjectUpdate, "version">;

export const PROJECT_FIELDS = [
  "title",
  "need",
  "beneficiaries",
  "targetPeople",
  "sites",
  "fields",
  "flagshipProgrammeId",
  "goal",
  "outcomes",
  "outputs",
  "activities",
  "indicators",
];

export const emptyProject: ProjectValues = {
  title: "",
  need: "",
  beneficiaries: "",
  targetPeople: null,
  sites: [],
  fields: [],
  flagshipProgrammeId: null,
  goal: "",
  outcomes: [],
  outputs: [],
  activities: [],
  indicators: [],
};

export const projectValues = (p: ProjectView): ProjectValues => ({
  title: p.title,
  need: p.need,
  beneficiaries: p.beneficiaries,
  targetPeople: p.targetPeople,
  sites: p.sites,
  fields: p.fields,
  flagshipProgrammeId: p.flagshipProgrammeId,
  goal: p.goal,
  outcomes: p.outcomes,
  outputs: p.outputs,
  activities: p.activities,
  indicators: p.indicators.map(({ removed: _r, ...i }) => i),
});

/** The form's values as the API takes them: no empty statement lines. */
export const cleanProject = (v: ProjectValues): ProjectValues => ({
  ...emptyProject,
  ...v,
  sites: v.sites ?? [],
  fields: v.fields ?? [],
  outcomes: (v.outcomes ?? []).filter((s) => s?.trim()),
  outputs: (v.outputs ?? []).filter((s) => s?.trim()),
  activities: (v.activities ?? []).filter((s) => s?.trim()),
  indicators: v.indicators ?? [],
});

function Statements({ name, label }: { name: "outcomes" | "outputs" | "activities"; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <Form.Item label={label}>
          <Flex vertical gap={8}>
            {items.map((item, i) => (
              <Flex key={item.key} gap={8}>
                <Form.Item name={item.name} noStyle>
                  <Input aria-label={`${label} ${i + 1}`} maxLength={300} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`${t("fundingProjects.projects.remove")} ${label} ${i + 1}`}
                  onClick={() => remove(item.name)}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add("")}
              style={{ alignSelf: "start" }}
            >
              {t("fundingProjects.projects.addStatement")}
            </Button>
          </Flex>
        </Form.Item>
      )}
    </Form.List>
  );
}

export function ProjectFields({ track }: { track: Track | undefined }) {
  const { t } = useTranslation();
  const programmes = useProgrammes(false, track === "combined");
  const p = (key: string) => t(`fundingProjects.projects.${key}` as "fundingProjects.projects.title");
  return (
    <Flex vertical gap={16}>
      <Card title={<h2 className="hatchery-card-title">{p("basics")}</h2>}>
        <Form.Item name="title" label={p("titleLabel")} rules={[{ required: true, min: 2, max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="need" label={p("need")}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="beneficiaries" label={p("beneficiaries")}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="targetPeople" label={p("targetPeople")}>
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: "100%" }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="fields" label={p("fields")}>
          <Checkbox.Group
            options={FIVE_GOOD_FIELDS.map((f) => ({ value: f, label: t(`fundingProjects.field.${f}`) }))}
          />
        </Form.Item>
        {track === "combined" && (
          <Form.Item name="flagshipProgrammeId" label={p("programme")} rules={[{ required: true }]}>
            <Select
              loading={programmes.isLoading}
              options={(programmes.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
            />
          </Form.Item>
        )}
        <Form.List name="sites">
          {(items, { add, remove }) => (
            <Form.Item label={p("sites")}>
              <Flex vertical gap={8}>
                {items.map((item, i) => (
                  <Flex key={item.key} gap={8} wrap>
                    <Form.Item name={[item.name, "town"]} noStyle rules={[{ required: true }]}>
                      <Input
                        placeholder={p("town")}
                        aria-label={`${p("town")} ${i + 1}`}
                        style={{ flex: "1 1 140px" }}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, "community"]} noStyle rules={[{ required: true }]}>
                      <Input
                        placeholder={p("community")}
                        aria-label={`${p("community")} ${i + 1}`}
                        style={{ flex: "1 1 140px" }}
                      />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={`${p("remove")} ${p("sites")} ${i + 1}`}
                      onClick={() => remove(item.name)}
                    />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ town: "", community: "" })}
                  style={{ alignSelf: "start" }}
                >
                  {p("addSite")}
                </Button>
              </Flex>
            </Form.Item>
          )}
        </Form.List>
      </Card>
      <Card title={<h2 className="hatchery-card-title">{p("logframe")}</h2>}>
        <Form.Item name="goal" label={p("goal")}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Statements name="outcomes" label={p("outcomes")} />
        <Statements name="outputs" label={p("outputs")} />
        <Statements name="activities" label={p("activities")} />
      </Card>
      <Card title={<h2 className="hatchery-card-title">{p("indicators")}</h2>}>
        <Form.List name="indicators">
          {(items, { add, remove }) => (
            <Flex vertical gap={12}>
              {items.map((item, i) => (
                <Card
                  key={item.key}
                  size="small"
                  title={`${p("indicator")} ${i + 1}`}
                  extra={
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(item.name)}
                    >
                      {p("remove")}
                    </Button>
                  }
                >
                  <Form.Item name={[item.name, "id"]} hidden>
                    <Input />
                  </Form.Item>
                  <Row gutter={12}>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[item.name, "name"]}
                        label={p("indicator")}
                        rules={[{ required: true, max: 100 }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[item.name, "level"]} label={p("level")} rules={[{ required: true }]}>
                        <Select
                          options={LOGFRAME_LEVELS.map((l) => ({
                            value: l,
                            label: t(`fundingProjects.level.${l}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[item.name, "unit"]}
                        label={p("unit")}
                        rules={[{ required: true, max: 20 }]}
                      >
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[item.name, "baselineValue"]}
                        label={p("baseline")}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={0} precision={2} style={{ width: "100%" }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item
                        name={[item.name, "targetValue"]}
                        label={p("target")}
                        rules={[{ required: true }]}
                      >
                        <InputNumber min={0} precision={2} style={{ width: "100%" }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[item.name, "frequency"]}
                        label={p("frequencyLabel")}
                        rules={[{ required: true }]}
                      >
                        <Select
                          options={REPORTING_FREQUENCIES.map((f) => ({
                            value: f,
                            label: t(`fundingProjects.frequency.${f}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={6}>
                      <Form.Item name={[item.name, "method"]} label={p("method")}>
                        <Input maxLength={300} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => add({ level: "output", frequency: "quarterly", baselineValue: 0, method: "" })}
                style={{ alignSelf: "start" }}
              >
                {p("addIndicator")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Card>
    </Flex>
  );
}
