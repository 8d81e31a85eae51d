/**
 * Create or edit a training (staff). The base's weakest baseline dimensions are offered as
 * topics (click one to take its dimension and a topic). A training may be a module of a series
 * (required or elective). Editing goes through useVersionedForm: a save at a stale version shows
 * the conflict banner (keep mine on top of the latest, or load the latest), nothing typed lost.
 */
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  type FormInstance,
  type GetProps,
  Input,
  InputNumber,
  Select,
  Space,
  Tag,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { AUDIENCES, SERVICE_CATEGORIES } from "../../../../domain/services/categories";
import type { TrainingView } from "../../../../schemas/services/trainings";
import { isApiError } from "../../../api/client";
import {
  fetchTraining,
  useSaveTraining,
  useSeriesList,
  useTopicSuggestions,
  useTraining,
} from "../../../api/services/trainings";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { showFieldError } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";
import { useCategoryLabels } from "./labels";

interface Values {
  topic: string;
  description?: string;
  trainerName: string;
  time: [Dayjs, Dayjs];
  place?: string;
  onlineLink?: string;
  category: (typeof SERVICE_CATEGORIES)[number];
  dimensionKeys: string[];
  capacity: number;
  audiences: (typeof AUDIENCES)[number][];
  seriesId: string | null;
  required: boolean;
}

/** The fields a server error may name; "startsAt"/"endsAt" are the one time range here. */
const FIELDS = [
  "topic",
  "description",
  "trainerName",
  "time",
  "place",
  "onlineLink",
  "category",
  "dimensionKeys",
  "capacity",
  "audiences",
  "seriesId",
  "required",
];

function toValues(v: TrainingView): Values {
  return {
    topic: v.topic,
    description: v.description,
    trainerName: v.trainerName,
    time: [dayjs(v.startsAt), dayjs(v.endsAt)],
    place: v.place,
    onlineLink: v.onlineLink,
    category: v.category,
    dimensionKeys: v.dimensionKeys,
    capacity: v.capacity,
    audiences: v.audiences,
    seriesId: v.seriesId,
    required: v.required,
  };
}

/** The server names the time's two ends; the form has one range for both. */
function showTrainingFieldError(form: FormInstance<Values>, error: unknown): boolean {
  if (isApiError(error) && (error.field === "startsAt" || error.field === "endsAt")) {
    form.setFields([{ name: "time", errors: [error.message] }]);
    form.scrollToField("time", { block: "center", focus: true });
    return true;
  }
  return showFieldError(form, error, FIELDS);
}

export default function TrainingEditPage() {
  const { id } = useParams();
  return id ? <Existing id={id} /> : <Editor key="new" />;
}

function Existing({ id }: { id: string }) {
  const training = useTraining(id);
  if (training.isError) return <QueryError error={training.error} onRetry={() => void training.refetch()} />;
  if (!training.data) return <Card loading />;
  // Keyed by the record's id: the editor starts once from what was read, and the version it
  // saves at moves only through useVersionedForm (a refetch behind it does not reset the form).
  return <Editor key={id} initial={training.data} />;
}

function Editor({ initial }: { initial?: TrainingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const categories = useCategoryLabels();
  const id = initial?.id;
  const save = useSaveTraining(id);
  const topics = useTopicSuggestions(true);
  const series = useSeriesList();
  const [form] = Form.useForm<Values>();
  const editor = useVersionedForm<Values, TrainingView>({
    form,
    original: initial,
    fetchLatest: fetchTraining,
    toFormValues: toValues,
    showFieldError: (error) => showTrainingFieldError(form, error),
    keptMineMessage: t("trainings.keptMine"),
  });
  const seriesId = Form.useWatch("seriesId", form);
  const submit = async (v: Values) => {
    editor.clearFormError();
    try {
      const saved = await save.mutateAsync({
        topic: v.topic,
        description: v.description ?? "",
        trainerName: v.trainerName,
        startsAt: v.time[0].format("YYYY-MM-DDTHH:mm:ssZ"),
        endsAt: v.time[1].format("YYYY-MM-DDTHH:mm:ssZ"),
        place: v.place ?? "",
        onlineLink: v.onlineLink ?? "",
        category: v.category,
        dimensionKeys: v.dimensionKeys ?? [],
        capacity: v.capacity,
        audiences: v.audiences,
        seriesId: v.seriesId ?? null,
        required: v.seriesId ? (v.required ?? false) : false,
        ...(initial ? { version: editor.version } : {}),
      });
      editor.saved();
      message.success(t("trainings.saved"));
      navigate(`/trainings/${saved.id}`);
    } catch (error) {
      editor.saveFailed(error);
    }
  };
  return (
    <>
      <PageHeader
        title={id ? t("trainings.edit") : t("trainings.create")}
        backTo={id ? `/trainings/${id}` : "/trainings"}
      />
      {editor.banners}
      {!id && (topics.data?.items.length ?? 0) > 0 && (
        <Card
          size="small"
          title={<h2 className="hatchery-card-title">{t("trainings.suggestedTopics")}</h2>}
          style={{ marginBottom: 16 }}
        >
          <Space wrap>
            {topics.data?.items.map((s) => (
              <Tag.CheckableTag
                key={s.dimensionKey}
                checked={false}
                onChange={() => {
                  form.setFieldsValue({
                    topic: form.getFieldValue("topic") || `${s.label}能力提升`,
                    dimensionKeys: [
                      ...new Set([...(form.getFieldValue("dimensionKeys") ?? []), s.dimensionKey]),
                    ],
                  });
                  editor.markDirty();
                }}
              >
                {s.label}（{t("trainings.suggestedAverage", { average: s.average, count: s.organizations })}）
              </Tag.CheckableTag>
            ))}
          </Space>
        </Card>
      )}
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={
            initial
              ? toValues(initial)
              : {
                  category: "consulting",
                  capacity: 30,
                  audiences: ["resident", "virtual"],
                  dimensionKeys: [],
                  seriesId: null,
                  required: false,
                }
          }
          onValuesChange={() => {
            editor.markDirty();
            editor.clearFormError();
          }}
          onFinish={submit}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="topic" label={t("trainings.topic")} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={t("trainings.description")}>
            <Input.TextArea maxLength={4000} rows={4} />
          </Form.Item>
          <Form.Item
            name="trainerName"
            label={t("trainings.trainer")}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="time" label={t("trainings.time")} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="place" label={t("trainings.place")}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="onlineLink" label={t("trainings.onlineLink")}>
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
          <Form.Item name="category" label={t("trainings.category")}>
            <Select options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: categories[c] }))} />
          </Form.Item>
          <Form.Item name="dimensionKeys" label={t("trainings.dimensions")}>
            <Select
              mode="tags"
              options={(topics.data?.items ?? []).map((s) => ({ value: s.dimensionKey, label: s.label }))}
            />
          </Form.Item>
          <Form.Item name="capacity" label={t("trainings.capacity")} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="audiences" label={t("trainings.audiences")} rules={[{ required: true }]}>
            <AudienceGroup
              aria-label={t("trainings.audiences")}
              options={AUDIENCES.map((a) => ({ value: a, label: t(`trainings.audienceLabels.${a}`) }))}
            />
          </Form.Item>
          <Form.Item name="seriesId" label={t("trainings.seriesField")}>
            <Select<string | null>
              options={[
                { value: null, label: t("trainings.seriesNoneOption") },
                ...(series.data?.items ?? []).map((s) => ({
                  value: s.id,
                  label: `${s.title}（${t(`trainings.seriesKinds.${s.kind}`)}）`,
                })),
              ]}
            />
          </Form.Item>
          {seriesId && (
            <Form.Item name="required" valuePropName="checked" extra={t("trainings.requiredHelp")}>
              <Checkbox>{t("trainings.requiredField")}</Checkbox>
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("trainings.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

/**
 * The audiences' checkboxes as a named group. Form.Item marks a required field's control
 * aria-required, which a group may not carry (axe: aria-allowed-attr); the asterisk and the
 * rule's message say it is required.
 */
function AudienceGroup({
  "aria-required": _required,
  ...props
}: GetProps<typeof Checkbox.Group> & { "aria-required"?: unknown }) {
  return <Checkbox.Group role="group" {...props} />;
}
