/**
 * 服务数据: the service ledger counted for the base (a city viewer: every base, a liaison: its
 * town) over a period, by 4Z category and month, with the .xlsx of the same numbers.
 */
import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Flex, Skeleton, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { downloadServiceFigures, useServiceFigures } from "../../../api/services/figures";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { ServiceFiguresSection } from "./ServiceFiguresSection";

export default function ServiceFiguresPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const query = {
    from: range?.[0]?.format("YYYY-MM-DD"),
    to: range?.[1]?.format("YYYY-MM-DD"),
  };
  const figures = useServiceFigures(query);
  const exportFile = () =>
    downloadServiceFigures(query).catch((error: Error) => void message.error(error.message));
  return (
    <>
      <PageHeader
        title={t("serviceFigures.title")}
        extra={
          <Button icon={<DownloadOutlined aria-hidden />} onClick={exportFile}>
            {t("serviceFigures.export")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t("serviceFigures.intro")}</Typography.Paragraph>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <span id="service-period">{t("serviceFigures.period")}</span>
        <DatePicker.RangePicker
          aria-labelledby="service-period"
          allowEmpty={[true, true]}
          value={range ?? (figures.data ? [dayjs(figures.data.from), dayjs(figures.data.to)] : null)}
          onChange={(value) => setRange(value)}
          disabledDate={(d) => d.isAfter(dayjs().add(1, "day"))}
        />
      </Flex>
      {figures.isError ? (
        <QueryError error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : (
        figures.data.sections.map((section) => (
          <section key={section.baseId} style={{ marginBottom: 32 }}>
            {(figures.data.sections.length > 1 || figures.data.town) && (
              <h2 className="hatchery-section-title">
                {figures.data.town
                  ? t("serviceFigures.scopeTown", { town: figures.data.town.name })
                  : section.baseName}
              </h2>
            )}
            <ServiceFiguresSection view={section} titleId={`service-months-${section.baseId}`} />
          </section>
        ))
      )}
    </>
  );
}
