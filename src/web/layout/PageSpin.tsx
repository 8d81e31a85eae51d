import { Spin } from "antd";
import { useTranslation } from "react-i18next";

/** The spinner shown while a page or a layout's code (a lazy chunk) or its session loads. */
export function PageSpin({ inline = false }: { inline?: boolean }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: "grid", placeItems: "center", minHeight: inline ? 240 : "100vh" }}>
      <Spin size="large" description={t("app.loading")} />
    </div>
  );
}
