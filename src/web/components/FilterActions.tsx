import { SearchOutlined } from "@ant-design/icons";
import { Button, Form, Space } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The 查询 / 重置 pair that ends every list's filter form; extra controls follow them. */
export function FilterActions({ onReset, children }: { onReset: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Form.Item style={{ marginBottom: 12 }}>
      <Space>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          {t("common.search")}
        </Button>
        <Button onClick={onReset}>{t("common.reset")}</Button>
        {children}
      </Space>
    </Form.Item>
  );
}

/** On phones the rarer filters fold away; this shows them, with how many are set while folded. */
export function MoreFiltersButton(props: { expanded: boolean; active: number; onToggle: () => void }) {
  const { t } = useTranslation();
  const { expanded, active } = props;
  return (
    <Button type="link" aria-expanded={expanded} onClick={props.onToggle}>
      {expanded ? t("common.lessFilters") : t("common.moreFilters")}
      {!expanded && active > 0 ? ` (${active})` : ""}
    </Button>
  );
}
