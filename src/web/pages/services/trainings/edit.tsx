/**
 * Create or edit a training (staff). The base's weakest baseline dimensions are offered as
 * topics (click one to take its dimension and a topic). Saving an edit sends the version read; a
 * stale one shows the server's 409 message.
 */
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Space, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { AUDIENCES, SERVICE_CATEGORIES } from "../../../../domain/services/categories";
import { useSaveTraining, useTopicSuggestions, useTraining } from "../../../api/services/trainings";
import { PageHeader } from "../../../components/PageHeader";
import { errorMessage, showFieldError } from "../../../components/serverErrors";
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
}

export default function TrainingEditPage() {
  const { id } = useParams();
  return id ? <Existing id={id} /> : <Editor />;
}

function Existing({ id }: { id: string }) {
  const training = useTraining(id);
  if (!training.data) return <Card loading />;
  return <Editor id={id} initial={training.data} />;
}

function Editor({ id, initial }: { id?: string; initial?: ReturnType<typeof useTraining>["data"] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const categories = useCategoryLabels();
  const save = useSaveTraining(id);
  const topics = useTopicSuggestions(true);
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (!initial) return;
    form.setFieldsValue({
      topic: initial.topic,
      description: initial.description,
      trainerName: initial.trainerName,
      time: [dayjs(initial.startsAt), dayjs(initial.endsAt)],
      place: initial.place,
      onlineLink: initial.onlineLink,
      category: initial.category,
      dimensionKeys: initial.dimensionKeys,
      capacity: initial.capacity,
      audiences: initial.audiences,
    });
  }, [initial, form]);
  const submit = (v: Values) =>
    save.mutate(
      {
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
        seriesId: initial?.seriesId ?? null,
        required: initial?.required ?? false,
        ...(initial ? { version: initial.version } : {}),
      },
      {
        onSuccess: (saved) => {
          void message.success(t("trainings.saved"));
          navigate(`/trainings/${saved.id}`);
        },
        onError: (error) => {
          if (
            !showFieldError(form, error, [
              "topic",
              "trainerName",
              "capacity",
              "audiences",
              "place",
              "onlineLink",
            ])
          )
            void message.error(errorMessage(error));
        },
      },
    );
  return (
    <>
      <PageHeader
        title={id ? t("trainings.edit") : t("trainings.create")}
        backTo={id ? `/trainings/${id}` : "/trainings"}
      />
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
                onChange={() =>
                  form.setFieldsValue({
                    topic: form.getFieldValue("topic") || `${s.label}能力提升`,
                    dimensionKeys: [
                      ...new Set([...(form.getFieldValue("dimensionKeys") ?? []), s.dimensionKey]),
                    ],
                  })
                }
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
          initialValues={{
            category: "consulting",
            capacity: 30,
            audiences: ["resident", "virtual"],
            dimensionKeys: [],
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
            <Checkbox.Group
              options={AUDIENCES.map((a) => ({ value: a, label: t(`trainings.audienceLabels.${a}`) }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("trainings.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
