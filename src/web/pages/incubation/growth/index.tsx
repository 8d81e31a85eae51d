/**
 * An organization's growth file (组织成长档案): its whole history on the platform, month by month,
 * filtered by area and period, exported as .xlsx and printed on A4 as a document (the filter and
 * the buttons stay off the paper). Staff open it from the organization's page; a member from its own.
 */
import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Empty, Flex, Skeleton, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { GrowthEvent, GrowthFile } from "../../../../schemas/incubation/growth";
import { growthAreaLabel } from "../../../../schemas/incubation/growth-labels";
import { downloadGrowthFile, useGrowthFile } from "../../../api/incubation/growth";
import { useAccess } from "../../../auth/session";
import styles from "../../../components/document.module.css";
import { formatDateTime } from "../../../components/format";
import { useDocumentTitle } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useLang } from "../../../i18n";
import { OrganizationServicePanel } from "../../services/figures/OrganizationServicePanel";
import page from "./growth.module.css";

const PAGE = 100;
/** What the API gives in one answer; a longer file is read by period. */
const MOST = 500;

export default function GrowthFilePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [areas, setAreas] = useState<string[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [pageSize, setPageSize] = useState(PAGE);
  const filter = {
    areas: areas.length ? areas.join(",") : undefined,
    from: range?.[0]?.format("YYYY-MM-DD"),
    to: range?.[1]?.format("YYYY-MM-DD"),
  };
  const file = useGrowthFile(id, { ...filter, pageSize });
  useDocumentTitle(
    file.data ? t("growth.titleOf", { name: file.data.organization.name }) : t("growth.title"),
  );
  if (file.isError) return <QueryError error={file.error} onRetry={() => void file.refetch()} />;
  if (!file.data) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const toggle = (area: string) =>
    setAreas((current) => (current.includes(area) ? current.filter((a) => a !== area) : [...current, area]));
  const exportFile = () =>
    downloadGrowthFile(id, filter).catch((error: Error) => void message.error(error.message));
  return (
    <>
      <div className={styles.toolbar}>
        <Button onClick={() => navigate(`/organizations/${id}`)}>{t("growth.back")}</Button>
        <Button icon={<DownloadOutlined aria-hidden />} onClick={exportFile}>
          {t("growth.export")}
        </Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t("growth.print")}
        </Button>
      </div>
      <div className={styles.toolbar} style={{ display: "block" }}>
        <OrganizationServicePanel organizationId={id} />
      </div>
      <search className={page.filters} aria-label={t("growth.filters")}>
        <Flex wrap gap={8} align="center">
          <span>{t("growth.areas")}</span>
          <Tag.CheckableTag checked={areas.length === 0} onChange={() => setAreas([])}>
            {t("growth.allAreas")}
          </Tag.CheckableTag>
          {file.data.areas.map((a) => (
            <AreaChip
              key={a.area}
              area={a.area}
              count={a.count}
              checked={areas.includes(a.area)}
              onToggle={toggle}
            />
          ))}
        </Flex>
        <Flex wrap gap={8} align="center">
          <span>{t("growth.period")}</span>
          <DatePicker.RangePicker
            className={page.range}
            aria-label={t("growth.period")}
            allowEmpty={[true, true]}
            value={range}
            onChange={(value) => setRange(value)}
            disabledDate={(d) => d.isAfter(dayjs().add(1, "day"))}
          />
        </Flex>
      </search>
      <GrowthSheet file={file.data} period={filter} areas={areas} />
      {file.data.total > file.data.items.length && pageSize < MOST && (
        <div className={styles.toolbar} style={{ justifyContent: "center", marginTop: 12 }}>
          <Button onClick={() => setPageSize((n) => Math.min(MOST, n + PAGE))} loading={file.isFetching}>
            {t("growth.more")}
          </Button>
        </div>
      )}
    </>
  );
}

function AreaChip(props: {
  area: string;
  count: number;
  checked: boolean;
  onToggle: (area: string) => void;
}) {
  const lang = useLang();
  return (
    <Tag.CheckableTag checked={props.checked} onChange={() => props.onToggle(props.area)}>
      {growthAreaLabel(props.area, lang)} {props.count}
    </Tag.CheckableTag>
  );
}

/** The file as a document: a heading, what it shows, then month by month. */
function GrowthSheet(props: { file: GrowthFile; period: { from?: string; to?: string }; areas: string[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { file } = props;
  const months = byMonth(file.items, lang);
  const shownAreas = props.areas.length
    ? props.areas.map((a) => growthAreaLabel(a, lang)).join(t("common.listSeparator"))
    : t("growth.allAreas");
  return (
    <article className={styles.sheet} aria-labelledby="growth-title">
      <h1 id="growth-title">{t("growth.titleOf", { name: file.organization.name })}</h1>
      <p className={styles.meta}>{t("growth.intro")}</p>
      <p className={styles.meta}>
        {t("growth.areas")}
        {t("common.colon")}
        {shownAreas}
        {" · "}
        {t("growth.period")}
        {t("common.colon")}
        {props.period.from || props.period.to
          ? `${props.period.from ?? "…"} – ${props.period.to ?? "…"}`
          : t("growth.wholePeriod")}
        {" · "}
        {t("growth.count", { count: file.total })}
      </p>
      <p className={`${styles.meta} ${page.printOnly}`}>
        {t("growth.printedAt", { time: formatDateTime(new Date().toISOString()) })}
      </p>
      {months.length === 0 && <Empty description={t("growth.empty")} />}
      {months.map((month) => (
        <section key={month.key} aria-label={month.label}>
          <h2>{month.label}</h2>
          <ol className={page.events}>
            {month.events.map((event) => (
              <EventLine key={event.id} event={event} />
            ))}
          </ol>
        </section>
      ))}
    </article>
  );
}

function EventLine({ event }: { event: GrowthEvent }) {
  const { t } = useTranslation();
  const lang = useLang();
  const access = useAccess();
  const note = typeof event.params.note === "string" && event.params.note ? event.params.note : null;
  const link = linkOf(event, access.applicationQueue);
  const title = lang === "en" ? event.title.en : event.title.zhCN;
  return (
    <li className={page.event}>
      <time dateTime={event.occurredAt} className={page.when}>
        {formatDateTime(event.occurredAt)}
      </time>
      <div>
        <Tag className={page.area}>{growthAreaLabel(event.area, lang)}</Tag>
        <span className={page.title}>{title}</span>
        {link && (
          <Link
            to={link}
            className={page.link}
            aria-label={`${t("growth.openLink")}${t("common.colon")}${title}`}
          >
            {t("growth.openLink")}
          </Link>
        )}
        {note && <div className={page.note}>{note}</div>}
        {event.actorName && <div className={page.actor}>{t("growth.by", { name: event.actorName })}</div>}
      </div>
    </li>
  );
}

/** Where an event leads: its application, or the incubation it happened in. */
function linkOf(event: GrowthEvent, staff: boolean): string | null {
  if (event.area === "application" && event.subjectId) {
    return staff ? `/applications/${event.subjectId}` : `/my-applications/${event.subjectId}`;
  }
  return event.incubationId ? `/incubations/${event.incubationId}` : null;
}

function byMonth(events: GrowthEvent[], lang: string) {
  const months: { key: string; label: string; events: GrowthEvent[] }[] = [];
  for (const event of events) {
    // Months in Shanghai time, as the platform shows every date.
    const day = new Date(new Date(event.occurredAt).getTime() + 8 * 3600 * 1000);
    const key = `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, "0")}`;
    let month = months.at(-1);
    if (month?.key !== key) {
      const label =
        lang === "en"
          ? day.toLocaleDateString("en", { year: "numeric", month: "long", timeZone: "UTC" })
          : `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月`;
      month = { key, label, events: [] };
      months.push(month);
    }
    month.events.push(event);
  }
  return months;
}
