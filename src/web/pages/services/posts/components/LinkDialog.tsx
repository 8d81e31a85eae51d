/**
 * The editor's link dialog: one address, checked before it reaches the body. Only the schemes the
 * server keeps (http, https, mailto; sanitize.ts) are accepted, so what the writer sees is what
 * is published rather than a link silently dropped on save.
 */
import { Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

const LINK = /^(https?:\/\/[^\s/]+\.[^\s]+|mailto:[^\s@]+@[^\s@]+\.[^\s@]+)$/i;

export function LinkDialog(props: {
  open: boolean;
  /** The link under the cursor, when editing one. */
  initial: string | undefined;
  onCancel: () => void;
  onSubmit: (href: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ href: string }>();
  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    form.setFieldsValue({ href: props.initial ?? "" });
  }, [props.open, props.initial, form]);
  return (
    <Modal
      open={props.open}
      title={t("posts.linkTitle")}
      okText={t("posts.linkOk")}
      cancelText={t("posts.linkCancel")}
      onCancel={props.onCancel}
      onOk={() => form.submit()}
      // Rendered while closed, so the form is there to be filled when it opens.
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => props.onSubmit(values.href.trim())}
        requiredMark={false}
      >
        <Form.Item
          name="href"
          label={t("posts.linkAddress")}
          extra={t("posts.linkPrompt")}
          rules={[
            { required: true, whitespace: true, message: t("posts.linkRequired") },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || LINK.test(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("posts.linkInvalid"))),
            },
          ]}
        >
          <Input placeholder="https://" inputMode="url" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
