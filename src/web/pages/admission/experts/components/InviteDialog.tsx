import { Alert, App, Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  type CandidateConflicts,
  INVITATION_DAYS_DEFAULT,
  INVITATION_DAYS_MAX,
  type InvitationCreate,
} from "../../../../../schemas/admission/experts";
import { useCandidateCheck, useInvite } from "../../../../api/admission/experts";
import { useFieldOptions } from "../../../../components/options";
import { showFieldError } from "../../../../components/serverErrors";
import { ConflictList } from "./ConflictList";

const FIELDS = ["name", "mobile", "email", "fields", "message", "days"] as const;

/** 邀请专家: who, how to reach them, their fields; a conflict check before sending. */
export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InvitationCreate>();
  const invite = useInvite();
  const check = useCandidateCheck();
  const fieldOptions = useFieldOptions();

  const runCheck = async () => {
    const { name, mobile, email } = form.getFieldsValue();
    try {
      await check.mutateAsync({ name, mobile, email });
    } catch (error) {
      showFieldError(form, error, FIELDS);
    }
  };

  const submit = async (values: InvitationCreate) => {
    try {
      const sent = await invite.mutateAsync(values);
      const ways = [sent.sentBySms && t("experts.bySms"), sent.sentByEmail && t("experts.byEmail")]
        .filter(Boolean)
        .join(t("common.listSeparator"));
      message.success(t("experts.sent", { ways }));
      form.resetFields();
      check.reset();
      onClose();
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) message.error((error as Error).message);
    }
  };

  return (
    <Modal
      open={open}
      title={t("experts.inviteTitle")}
      onCancel={onClose}
      okText={t("experts.invite")}
      onOk={() => form.submit()}
      confirmLoading={invite.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<InvitationCreate>
        form={form}
        name="invite"
        layout="vertical"
        initialValues={{ days: INVITATION_DAYS_DEFAULT, fields: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t("experts.name")}
          rules={[{ required: true, message: t("experts.name") }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t("experts.contactHint")}
        </Typography.Paragraph>
        <Space.Compact block style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
          <Form.Item name="mobile" label={t("experts.mobile")} style={{ flex: 1, minWidth: 180 }}>
            <Input inputMode="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
          <Form.Item name="email" label={t("experts.email")} style={{ flex: 1, minWidth: 200 }}>
            <Input type="email" maxLength={200} autoComplete="off" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="fields" label={t("experts.fields")}>
          <Select mode="multiple" options={fieldOptions} allowClear />
        </Form.Item>
        <Form.Item name="message" label={t("experts.message")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="days" label={t("experts.days")}>
          <InputNumber min={1} max={INVITATION_DAYS_MAX} precision={0} />
        </Form.Item>
        <div style={{ display: "grid", gap: 8 }}>
          <Space wrap>
            <Button onClick={() => void runCheck()} loading={check.isPending}>
              {t("experts.check")}
            </Button>
            <Typography.Text type="secondary">{t("experts.checkHint")}</Typography.Text>
          </Space>
          {check.data && <CheckResult result={check.data} />}
        </div>
      </Form>
    </Modal>
  );
}

function CheckResult({ result }: { result: CandidateConflicts }) {
  const { t } = useTranslation();
  return (
    <div role="status" style={{ display: "grid", gap: 8 }}>
      {result.existingAccount !== "none" && (
        <Alert
          type={result.existingAccount === "other_base" ? "warning" : "info"}
          showIcon
          title={
            result.existingAccount === "other_base"
              ? t("experts.existingOtherBase")
              : t("experts.existingThisBase")
          }
        />
      )}
      {result.conflicts.length === 0 ? (
        <Alert type="success" showIcon title={t("experts.checkNone")} />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            title={t("experts.checkFound", { count: result.conflicts.length })}
          />
          <ConflictList conflicts={result.conflicts} />
        </>
      )}
    </div>
  );
}
