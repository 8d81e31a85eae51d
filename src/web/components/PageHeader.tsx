import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Flex } from "antd";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

interface Props {
  title: string;
  /** Buttons on the right (wrap under the title on phones). */
  extra?: ReactNode;
  /** Where the back arrow goes; no arrow when absent. */
  backTo?: string;
  subTitle?: ReactNode;
}

/** Every page's one <h1>, which also names the browser tab. */
export function PageHeader({ title, extra, backTo, subTitle }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(title);
  return (
    <Flex wrap align="center" justify="space-between" gap={12} style={{ marginBottom: 16 }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {backTo && (
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            aria-label={t("common.back")}
            onClick={() => navigate(backTo)}
          />
        )}
        <div style={{ minWidth: 0 }}>
          <h1 className="hatchery-page-title">{title}</h1>
          {subTitle && <div style={{ color: "rgba(0,0,0,0.68)", marginTop: 2 }}>{subTitle}</div>}
        </div>
      </Flex>
      {extra && (
        <Flex wrap gap={8}>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}

export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const app = t("app.shortTitle");
  useEffect(() => {
    document.title = `${title} - ${app}`;
  }, [title, app]);
}
