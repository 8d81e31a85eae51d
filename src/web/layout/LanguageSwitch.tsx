import { GlobalOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useTranslation } from "react-i18next";
import { useIsMobile } from "../components/useIsMobile";
import { changeLanguage, useLang } from "../i18n";

/**
 * One button naming the other language in that language (中文 / English), as people look for it;
 * its accessible name is that word, so it is found the same way by screen readers and tests. On a
 * phone it shows only the word's start (中 / EN, as phone apps do), which the name still contains,
 * to leave the header room for the page's title.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useLang();
  const isMobile = useIsMobile();
  const other = lang === "en" ? "zh-CN" : "en";
  const name = t(`language.${other}`);
  return (
    <Button
      type="text"
      icon={isMobile ? undefined : <GlobalOutlined aria-hidden />}
      lang={other}
      aria-label={name}
      onClick={() => void changeLanguage(other)}
    >
      {isMobile ? (other === "en" ? "EN" : "中") : name}
    </Button>
  );
}
