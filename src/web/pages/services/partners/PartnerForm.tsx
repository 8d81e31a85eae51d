/** The partner's fields, shared by the new-partner dialog and the partner's edit form. */
import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { PARTNER_KINDS } from "../../../../domain/partner";

export interface PartnerValues {
  name: string;
  kind: (typeof PARTNER_KINDS)[number];
  contactName?: string | null;
  contactPhone?: string | null;
  email?: string | null;
  description?: string | null;
}

export const PARTNER_FIELDS = ["name", "kind", "contactName", "contactPhone", "email", "description"];

export function PartnerFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="name" label={t("partners.name")} rules={[{ required: true, min: 2, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t("partners.kindLabel")} rules={[{ required: true }]}>
        <Select options={PARTNER_KINDS.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="contactName" label={t("partners.contactName")}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t("partners.contactPhone")}>
        <Input inputMode="tel" maxLength={40} />
      </Form.Item>
      <Form.Item name="email" label={t("partners.email")}>
        <Input type="email" maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t("partners.description")}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </>
  );
}
