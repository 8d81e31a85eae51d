import { Button, Form, Input } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ConflictInput } from "../../../../../schemas/admission/experts";

/** An organization and the reason (required): the staff's record and the expert's declaration. */
export function ConflictForm({
  name,
  picker,
  busy,
  submitLabel,
  onSubmit,
  reasonPlaceholder,
}: {
  name: string;
  picker: ReactNode;
  busy: boolean;
  submitLabel: string;
  onSubmit: (values: ConflictInput, reset: () => void) => void;
  reasonPlaceholder?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ConflictInput>();
  return (
    <Form<ConflictInput>
      form={form}
      name={name}
      layout="vertical"
      onFinish={(values) => onSubmit(values, () => form.resetFields())}
    >
      <Form.Item
        name="organizationId"
        label={t("experts.organization")}
        rules={[{ required: true, message: t("experts.organizationRequired") }]}
      >
        {picker}
      </Form.Item>
      <Form.Item
        name="reason"
        label={t("experts.reason")}
        rules={[{ required: true, whitespace: true, message: t("experts.reasonRequired") }]}
      >
        <Input.TextArea
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 4 }}
          placeholder={reasonPlaceholder}
        />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
