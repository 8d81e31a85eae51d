import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Space, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { TRACKS } from "../../../../../../domain/call";
import { useRecruitmentLabels } from "../../../../../components/recruitmentLabels";
import { type CallFormValues, newKey } from "../formValues";
import { ListItemButtons } from "./ListItemButtons";

/** Which tracks the call offers, and per track: places, eligibility and the documents asked for. */
export function TrackSection() {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const form = Form.useFormInstance<CallFormValues>();
  const tracks = Form.useWatch("tracks", form) ?? [];
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("calls.sectionTracks")}</h2>}>
      <Form.Item
        name="offered"
        label={t("calls.offered")}
        extra={t("calls.offeredHelp")}
        // A validator, not `required`: antd would put aria-required on the group's <div>, which ARIA forbids.
        rules={[
          {
            validator: (_, value: unknown[] | undefined) =>
              value?.length ? Promise.resolve() : Promise.reject(new Error(t("calls.offeredRequired"))),
          },
        ]}
      >
        {/* A Form.Item's label points at one input; a group of them is named on the group. */}
        <Checkbox.Group
          aria-label={t("calls.offered")}
          options={TRACKS.map((x) => ({ value: x, label: labels.track[x] }))}
        />
      </Form.Item>
      <Form.List name="tracks">
        {(fields) => (
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            {fields.map((field) => {
              const track = tracks[field.name]?.track;
              return (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={<h3 style={{ margin: 0, fontSize: 15 }}>{track ? labels.track[track] : ""}</h3>}
                >
                  {/* Registered (hidden) so the submitted values and the watch include the track. */}
                  <Form.Item name={[field.name, "track"]} hidden>
                    <Input />
                  </Form.Item>
                  <TrackFields index={field.name} />
                </Card>
              );
            })}
          </Space>
        )}
      </Form.List>
    </Card>
  );
}

function TrackFields({ index }: { index: number }) {
  const { t } = useTranslation();
  const months = {
    min: 0,
    max: 600,
    precision: 0,
    style: { width: "100%" },
    placeholder: t("calls.monthsPlaceholder"),
  };
  return (
    <>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item
            name={[index, "quota"]}
            label={t("calls.quota")}
            rules={[{ required: true, message: t("calls.quota") }]}
          >
            <InputNumber min={1} max={10000} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={[index, "maxApplications"]}
            label={t("calls.maxApplications")}
            tooltip={t("calls.maxApplicationsHelp")}
          >
            <InputNumber
              min={1}
              max={100000}
              precision={0}
              style={{ width: "100%" }}
              placeholder={t("calls.monthsPlaceholder")}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, "minMonthsFounded"]} label={t("calls.minMonths")}>
            <InputNumber {...months} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[index, "maxMonthsFounded"]} label={t("calls.maxMonths")}>
            <InputNumber {...months} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name={[index, "allowUnregistered"]}
            label={t("calls.allowUnregistered")}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[index, "note"]} label={t("calls.eligibilityNote")}>
            <Input maxLength={300} placeholder={t("calls.eligibilityNotePlaceholder")} />
          </Form.Item>
        </Col>
      </Row>
      <DocumentList index={index} />
    </>
  );
}

/** The documents of one track: add, remove, reorder, required or not. */
function DocumentList({ index }: { index: number }) {
  const { t } = useTranslation();
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8, border: 0 }}>
        {t("calls.documents")}
      </legend>
      <Form.List name={[index, "documents"]}>
        {(fields, { add, remove, move }) => (
          <Space orientation="vertical" size={8} style={{ width: "100%" }}>
            {fields.length === 0 && (
              <Typography.Text type="secondary">{t("calls.noDocuments")}</Typography.Text>
            )}
            {fields.map((field, i) => (
              <div
                key={field.key}
                style={{
                  display: "flex",
                  flexWrap: "wrap",
                  gap: 8,
                  alignItems: "flex-start",
                  padding: 8,
                  background: "#fafafa",
                  borderRadius: 6,
                }}
              >
                <Form.Item name={[field.name, "key"]} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, "label"]}
                  rules={[{ required: true, whitespace: true, message: t("calls.documentLabel") }]}
                  style={{ flex: "2 1 200px", marginBottom: 0 }}
                >
                  <Input
                    aria-label={`${t("calls.documentLabel")} ${i + 1}`}
                    placeholder={t("calls.documentLabel")}
                    maxLength={100}
                  />
                </Form.Item>
                <Form.Item name={[field.name, "description"]} style={{ flex: "3 1 220px", marginBottom: 0 }}>
                  <Input
                    aria-label={`${t("calls.documentDescription")} ${i + 1}`}
                    placeholder={t("calls.documentDescription")}
                    maxLength={500}
                  />
                </Form.Item>
                <Space size={4}>
                  <Form.Item
                    name={[field.name, "required"]}
                    valuePropName="checked"
                    style={{ marginBottom: 0 }}
                  >
                    <RequiredSwitch label={`${t("calls.required")} ${i + 1}`} />
                  </Form.Item>
                  <ListItemButtons
                    index={i}
                    count={fields.length}
                    subject={`${i + 1}`}
                    size={4}
                    move={move}
                    remove={() => remove(field.name)}
                  />
                </Space>
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => add({ key: newKey("d"), label: "", description: null, required: true })}
            >
              {t("calls.addDocument")}
            </Button>
          </Space>
        )}
      </Form.List>
    </fieldset>
  );
}

/** 必交 / 选交 as a switch with its state in words beside it (the text inside a switch is too pale). */
function RequiredSwitch({
  checked,
  onChange,
  label,
}: {
  checked?: boolean;
  onChange?: (v: boolean) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4}>
      <Switch size="small" checked={!!checked} onChange={onChange} aria-label={label} />
      <span style={{ minWidth: 28, fontSize: 13 }}>
        {checked ? t("calls.required") : t("calls.optional")}
      </span>
    </Space>
  );
}
