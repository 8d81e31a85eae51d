/**
 * The base's series and talent-programme classes (staff): each with its modules, and a new one.
 * A training joins a series in its editor; a series' page shows everyone's progress.
 */
import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Table } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { SERIES_KINDS } from "../../../../domain/services/trainings";
import { type SeriesEntry, useCreateSeries, useSeriesList } from "../../../api/services/trainings";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../components/serverErrors";

export default function TrainingSeriesListPage() {
  const { t } = useTranslation();
  const list = useSeriesList();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t("trainings.seriesNav")}
        backTo="/trainings"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t("trainings.seriesCreate")}
          </Button>
        }
      />
      {creating && <CreateSeriesDialog onClose={() => setCreating(false)} />}
      <Card size="small">
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SeriesEntry>
            rowKey="id"
            size="small"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: t("trainings.seriesNone") }}
            columns={[
              {
                key: "title",
                title: t("trainings.seriesTitleField"),
                render: (_, s) => <Link to={`/trainings/series/${s.id}`}>{s.title}</Link>,
              },
              {
                key: "kind",
                title: t("trainings.seriesKind"),
                render: (_, s) => (
                  <ToneTag tone={s.kind === "talent" ? "purple" : "default"}>
                    {t(`trainings.seriesKinds.${s.kind}`)}
                  </ToneTag>
                ),
              },
              {
                key: "modules",
                title: t("trainings.seriesModules"),
                render: (_, s) =>
                  t("trainings.seriesModulesCount", { modules: s.modules, required: s.requiredModules }),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}

interface Values {
  kind: SeriesEntry["kind"];
  title: string;
  description?: string;
}

function CreateSeriesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateSeries();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: Values) => {
    setError(null);
    try {
      const s = await create.mutateAsync({ kind: v.kind, title: v.title, description: v.description ?? "" });
      message.success(t("trainings.seriesCreated"));
      navigate(`/trainings/series/${s.id}`);
    } catch (err) {
      if (!showFieldError(form, err, ["kind", "title", "description"])) setError(errorMessage(err));
    }
  };
  return (
    <Modal
      open
      title={t("trainings.seriesCreate")}
      onCancel={onClose}
      okText={t("trainings.submit")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: "talent" }} onFinish={submit}>
        <Form.Item name="kind" label={t("trainings.seriesKind")}>
          <Radio.Group
            aria-label={t("trainings.seriesKind")}
            options={SERIES_KINDS.map((k) => ({ value: k, label: t(`trainings.seriesKinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("trainings.seriesTitleField")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="description" label={t("trainings.description")}>
          <Input.TextArea maxLength={4000} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
