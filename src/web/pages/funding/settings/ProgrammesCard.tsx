/** 十大工程 on the settings page: the base's flagship programmes, added, renamed and retired. */
import { App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Programme } from "../../../../schemas/funding/settings";
import { useProgrammes, useRetireProgramme, useSaveProgramme } from "../../../api/funding/projects";
import { QueryError } from "../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../components/serverErrors";

export function ProgrammesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const programmes = useProgrammes(true);
  const save = useSaveProgramme();
  const retire = useRetireProgramme();
  const [editing, setEditing] = useState<Programme | "new" | null>(null);
  const [form] = Form.useForm<{ name: string; description: string }>();
  const submit = async (values: { name: string; description: string }) => {
    try {
      await save.mutateAsync({ ...values, id: editing && editing !== "new" ? editing.id : undefined });
      message.success(t("fundingProjects.saved"));
      setEditing(null);
    } catch (error) {
      if (!showFieldError(form, error, ["name", "description"])) message.error(errorMessage(error));
    }
  };
  return (
    <Card
      style={{ marginTop: 16 }}
      title={<h2 className="hatchery-card-title">{t("fundingProjects.settings.programmes")}</h2>}
      extra={
        <Button
          onClick={() => {
            form.resetFields();
            setEditing("new");
          }}
        >
          {t("fundingProjects.settings.addProgramme")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t("fundingProjects.settings.programmesIntro")}
      </Typography.Paragraph>
      {programmes.isError ? (
        <QueryError error={programmes.error} onRetry={() => void programmes.refetch()} />
      ) : (
        <div aria-busy={programmes.isFetching}>
          <Table<Programme>
            rowKey="id"
            size="small"
            loading={programmes.isLoading}
            dataSource={programmes.data?.items}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              {
                title: t("fundingProjects.settings.programmeName"),
                dataIndex: "name",
                render: (name: string, p) => (
                  <Flex gap={4} wrap>
                    {name}
                    {p.retired && <Tag>{t("fundingProjects.settings.retired")}</Tag>}
                  </Flex>
                ),
              },
              { title: t("fundingProjects.settings.programmeDescription"), dataIndex: "description" },
              {
                title: t("fundingProjects.settings.programmeProjects"),
                dataIndex: "projectCount",
                align: "right",
              },
              {
                title: "",
                key: "actions",
                render: (_, p) =>
                  p.retired ? null : (
                    <Flex gap={4}>
                      <Button
                        size="small"
                        onClick={() => {
                          form.setFieldsValue({ name: p.name, description: p.description });
                          setEditing(p);
                        }}
                      >
                        {t("fundingProjects.settings.rename")}
                      </Button>
                      <Popconfirm
                        title={t("fundingProjects.settings.retireConfirm")}
                        onConfirm={() =>
                          retire.mutateAsync(p.id).catch((e) => void message.error(errorMessage(e)))
                        }
                      >
                        <Button size="small" danger>
                          {t("fundingProjects.settings.retire")}
                        </Button>
                      </Popconfirm>
                    </Flex>
                  ),
              },
            ]}
          />
        </div>
      )}
      <Modal
        open={editing !== null}
        title={
          editing === "new"
            ? t("fundingProjects.settings.addProgramme")
            : t("fundingProjects.settings.rename")
        }
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
      >
        <Form form={form} layout="vertical" name="programme" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="name"
            label={t("fundingProjects.settings.programmeName")}
            rules={[{ required: true, min: 2, max: 60 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t("fundingProjects.settings.programmeDescription")}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
