/** 复制推广点 on a project's page: the list, an add form (staff, the organization), removal (staff). */
import { App, Button, Card, Empty, Form, Input, InputNumber, List, Popconfirm, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ProjectView, ReplicationSiteInput } from "../../../../schemas/funding/projects";
import { useAddSite, useRemoveSite } from "../../../api/funding/projects";
import { errorMessage, showFieldError } from "../../../components/serverErrors";

export function ReplicationCard({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReplicationSiteInput>();
  const add = useAddSite(project.id);
  const remove = useRemoveSite(project.id);
  const w = (key: string) => t(`fundingProjects.projects.${key}` as "fundingProjects.projects.title");
  const submit = async (values: ReplicationSiteInput) => {
    try {
      await add.mutateAsync({ ...values, fundedBy: values.fundedBy ?? "" });
      form.resetFields();
      message.success(t("fundingProjects.saved"));
    } catch (error) {
      if (!showFieldError(form, error, ["town", "community", "year", "fundedBy", "note"]))
        message.error(errorMessage(error));
    }
  };
  return (
    <Card title={<h2 className="hatchery-card-title">{w("replication")}</h2>}>
      <Typography.Paragraph type="secondary">{w("replicationIntro")}</Typography.Paragraph>
      <List
        size="small"
        dataSource={project.replicationSites}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w("noReplication")} />,
        }}
        renderItem={(s) => (
          <List.Item
            actions={
              project.can.removeSite
                ? [
                    <Popconfirm
                      key="remove"
                      title={w("removeConfirm")}
                      onConfirm={() => remove.mutateAsync(s.id)}
                    >
                      <Button
                        size="small"
                        danger
                        aria-label={`${w("remove")} ${s.town} ${s.community} ${s.year}`}
                      >
                        {w("remove")}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${s.year} · ${s.town} ${s.community}`}
              description={[s.fundedBy, s.note].filter(Boolean).join(" · ") || undefined}
            />
          </List.Item>
        )}
      />
      {project.can.addSite && (
        <Form<ReplicationSiteInput>
          form={form}
          layout="vertical"
          name="replicationSite"
          initialValues={{ year: new Date().getFullYear() }}
          onFinish={(v) => void submit(v)}
          style={{ marginTop: 16 }}
        >
          <Form.Item name="town" label={w("town")} rules={[{ required: true, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="community" label={w("community")} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="year" label={w("year")} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="fundedBy" label={w("fundedBy")}>
            <Input maxLength={100} />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {w("addReplication")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
