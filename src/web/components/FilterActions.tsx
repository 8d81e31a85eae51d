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
