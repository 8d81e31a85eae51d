import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { changeLanguage, useLang } from "../i18n";

/**
 * One button naming the other language in that language (中文 / English), as people look for it;
 * its accessible name is that visible word, so it is found the same way by screen readers and tests.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const other = lang === "en" ? "zh-CN" : "en";
  return (
    <Button
      type="text"
      icon={<GlobalOutlined aria-hidden />}
      lang={other}
      onClick={() => void changeLanguage(other)}
    >
      {t(`language.${other}`)}
    </Button>
  );
}
