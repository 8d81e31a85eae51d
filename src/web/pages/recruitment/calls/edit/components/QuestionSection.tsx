import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import {
  NUMBER_ANSWER_LIMIT,
  QUESTION_TYPES,
  TEXT_ANSWER_MAX,
  type Track,
} from "../../../../../../domain/call";
import { useRecruitmentLabels } from "../../../../../components/recruitmentLabels";
import { type CallFormValues, newKey } from "../formValues";
import { ListItemButtons } from "./ListItemButtons";

/** The call's extra questions: type, options for choices, required, and which tracks answer them. */
export function QuestionSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CallFormValues>();
  const offered: Track[] = Form.useWatch("offered", form) ?? [];
  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("calls.sectionQuestions")}</h2>}>
      <Form.List name="questions">
        {(fields, { add, remove, move }) => (
          <Space orientation="vertical" size={12} style={{ width: "100%" }}>
            {fields.length === 0 && (
              <Typography.Text type="secondary">{t("calls.noQuestions")}</Typography.Text>
            )}
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                type="inner"
                title={`${t("calls.question")} ${i + 1}`}
                extra={
                  <ListItemButtons
                    index={i}
                    count={fields.length}
                    subject={`${t("calls.question")} ${i + 1}`}
                    size={0}
                    move={move}
                    remove={() => remove(field.name)}
                  />
                }
              >
                <QuestionFields index={field.name} offered={offered} />
              </Card>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined aria-hidden />}
              onClick={() =>
                add({
                  key: newKey("q"),
                  label: "",
                  type: "text",
                  required: false,
                  options: [],
                  help: null,
                  tracks: [],
                })
              }
            >
              {t("calls.addQuestion")}
            </Button>
          </Space>
        )}
      </Form.List>
    </Card>
  );
}

function QuestionFields({ index, offered }: { index: number; offered: Track[] }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const type = Form.useWatch(["questions", index, "type"]);
  const isChoice = type === "single_choice" || type === "multiple_choice";
  const textMax =
    type === "text" || type === "long_text" ? TEXT_ANSWER_MAX[type as "text" | "long_text"] : null;
  return (
    <>
      <Form.Item name={[index, "key"]} hidden>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item
            name={[index, "label"]}
            label={t("calls.questionLabel")}
            rules={[{ required: true, whitespace: true, message: t("calls.questionLabel") }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={14} md={6}>
          <Form.Item name={[index, "type"]} label={t("calls.questionType")}>
            <Select options={QUESTION_TYPES.map((q) => ({ value: q, label: labels.questionType[q] }))} />
          </Form.Item>
        </Col>
        <Col xs={10} md={4}>
          <Form.Item name={[index, "required"]} label={t("calls.questionRequired")} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      {isChoice && (
        <Form.Item
          name={[index, "options"]}
          label={t("calls.options")}
          extra={t("calls.optionsHelp")}
          rules={[{ type: "array", min: 2, message: t("calls.optionsHelp") }]}
        >
          <Select mode="tags" open={false} tokenSeparators={["，", ","]} suffixIcon={null} />
        </Form.Item>
      )}
      <Form.Item name={[index, "help"]} label={t("calls.help")}>
        <Input maxLength={500} />
      </Form.Item>
      {textMax !== null && (
        <Form.Item
          name={[index, "maxLength"]}
          label={t("calls.maxLength")}
          extra={t("calls.maxLengthHelp", { max: textMax })}
        >
          <InputNumber min={1} max={textMax} precision={0} style={{ width: 160 }} />
        </Form.Item>
      )}
      {type === "number" && <NumberBounds index={index} />}
      <Form.Item
        name={[index, "tracks"]}
        label={t("calls.questionTracks")}
        extra={t("calls.questionTracksHelp")}
      >
        <Checkbox.Group
          aria-label={t("calls.questionTracks")}
          options={offered.map((x) => ({ value: x, label: labels.track[x] }))}
        />
      </Form.Item>
    </>
  );
}

/** A number question's range and whether it takes whole numbers only; the server holds answers to them. */
function NumberBounds({ index }: { index: number }) {
  const { t } = useTranslation();
  const integer = Form.useWatch(["questions", index, "integer"]) === true;
  const bound = { min: -NUMBER_ANSWER_LIMIT, max: NUMBER_ANSWER_LIMIT, precision: integer ? 0 : undefined };
  return (
    <Row gutter={16}>
      <Col xs={12} md={7}>
        <Form.Item name={[index, "min"]} label={t("calls.numberMin")}>
          <InputNumber {...bound} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={7}>
        <Form.Item
          name={[index, "max"]}
          label={t("calls.numberMax")}
          dependencies={[["questions", index, "min"]]}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: number | null | undefined) => {
                const min = getFieldValue(["questions", index, "min"]) as number | null | undefined;
                if (typeof value === "number" && typeof min === "number" && value < min) {
                  throw new Error(t("calls.numberRange"));
                }
              },
            }),
          ]}
        >
          <InputNumber {...bound} style={{ width: "100%" }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={10}>
        <Form.Item
          name={[index, "integer"]}
          label={t("calls.numberInteger")}
          valuePropName="checked"
          extra={t("calls.numberHelp")}
        >
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}
