import { ClockCircleOutlined } from "@ant-design/icons";
import { Col, Empty, Flex, Row, Skeleton } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TRACKS } from "../../../../../domain/call";
import type { PublicCallSummary } from "../../../../../schemas/recruitment/calls";
import { usePortalCalls } from "../../../../api/recruitment/portal";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { useDocumentTitle } from "../../../../components/PageHeader";
import { Panel } from "../../../../components/Panel";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { PortalNotices } from "../../../admission/notices/PortalNotices";
import { PortalLatestPosts } from "../../../services/posts/components/PortalLatestPosts";
import { PortalUpcomingTrainings } from "../../../services/trainings/PortalUpcomingTrainings";
import { useRemainingText, useServerNow } from "../components/Countdown";

/** The portal's front page: open calls as cards, then upcoming and recently closed, and the "3+1" model. */
export default function PortalHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t("portal.homeTitle"));
  const calls = usePortalCalls();

  const byWindow = (w: PublicCallSummary["window"]) => calls.data?.items.filter((c) => c.window === w) ?? [];
  const offset = calls.data?.clockOffset ?? 0;
  return (
    <Flex vertical gap={24}>
      <section
        aria-labelledby="portal-hero"
        style={{
          background: "linear-gradient(135deg, #0958d9 0%, #1677ff 60%, #36cfc9 100%)",
          color: "#fff",
          borderRadius: 12,
          padding: "24px 20px",
        }}
      >
        <h1 id="portal-hero" style={{ color: "#fff", margin: 0, fontSize: 24 }}>
          {t("portal.heroTitle")}
        </h1>
        <p style={{ margin: "8px 0 0", maxWidth: 720, lineHeight: 1.7 }}>{t("portal.heroBody")}</p>
      </section>

      {calls.isError ? (
        <QueryError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : !calls.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <CallSection
            id="portal-open"
            title={t("portal.openCalls")}
            calls={byWindow("open")}
            offset={offset}
            emptyText={t("portal.noOpenCalls")}
          />
          {byWindow("not_open").length > 0 && (
            <CallSection
              id="portal-upcoming"
              title={t("portal.upcomingCalls")}
              calls={byWindow("not_open")}
              offset={offset}
            />
          )}
          {byWindow("closed").length > 0 && (
            <CallSection
              id="portal-closed"
              title={t("portal.closedCalls")}
              calls={byWindow("closed")}
              offset={offset}
            />
          )}
        </>
      )}

      <PortalNotices />
      <PortalLatestPosts />
      <PortalUpcomingTrainings />
      <ModelIntro />
    </Flex>
  );
}

function CallSection(props: {
  /** The heading's id: by window, as a title may hold spaces, which aria-labelledby splits on. */
  id: string;
  title: string;
  calls: PublicCallSummary[];
  offset: number;
  emptyText?: string;
}) {
  const { id } = props;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} style={{ fontSize: 18, margin: "0 0 12px" }}>
        {props.title}
      </h2>
      {props.calls.length === 0 ? (
        <Panel>
          <Empty description={props.emptyText} />
        </Panel>
      ) : (
        <Row gutter={[16, 16]}>
          {props.calls.map((call) => (
            // A section's only call takes the whole row rather than leaving half of it empty.
            <Col key={call.id} xs={24} md={props.calls.length === 1 ? 24 : 12}>
              <CallCard call={call} offset={props.offset} />
            </Col>
          ))}
        </Row>
      )}
    </section>
  );
}

function CallCard({ call, offset }: { call: PublicCallSummary; offset: number }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  // Minute precision is plenty on a card; the call page ticks by the second.
  const now = useServerNow(offset, 30_000);
  const remaining = useRemainingText();
  const tone = call.window === "open" ? "green" : call.window === "not_open" ? "blue" : "default";
  const windowLabel = labels.callWindow[call.window];
  return (
    <Panel
      style={{ height: "100%", display: "flex", flexDirection: "column" }}
      bodyStyle={{ display: "flex", flexDirection: "column", gap: 10, flex: 1 }}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <h3 style={{ margin: 0, fontSize: 16, lineHeight: 1.5 }}>
          <Link to={`/portal/calls/${call.id}`}>{call.title}</Link>
        </h3>
        <ToneTag tone={tone}>{windowLabel}</ToneTag>
      </Flex>
      <span className="hatchery-secondary">{call.baseName}</span>
      <Flex wrap gap={6}>
        {call.tracks.map((track) => (
          <ToneTag key={track.track} tone="geekblue">
            {labels.track[track.track]} · {t("portal.quota", { count: track.quota })}
          </ToneTag>
        ))}
      </Flex>
      <div style={{ marginTop: "auto" }}>
        {call.window === "open" && (
          <Flex gap={6} align="center" style={{ color: "#873800", fontWeight: 500 }}>
            <ClockCircleOutlined aria-hidden />
            <span>
              {t("portal.countdownLeft")} {remaining(Date.parse(call.closesAt) - now)}
            </span>
          </Flex>
        )}
        {call.window === "not_open" && (
          <span>
            {t("portal.countdownOpens")} {remaining(Date.parse(call.opensAt) - now)}
          </span>
        )}
        <span className="hatchery-secondary" style={{ display: "block", fontSize: 13 }}>
          {call.window === "closed"
            ? t("portal.closedOn", { time: formatDateTime(call.closesAt) })
            : call.window === "open"
              ? t("portal.deadline", { time: formatDateTime(call.closesAt) })
              : t("portal.opens", { time: formatDateTime(call.opensAt) })}
        </span>
      </div>
    </Panel>
  );
}

function ModelIntro() {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return (
    <section aria-labelledby="portal-model">
      <h2 id="portal-model" style={{ fontSize: 18, margin: "0 0 4px" }}>
        {t("portal.modelTitle")}
      </h2>
      <p className="hatchery-secondary" style={{ margin: "0 0 1em" }}>
        {t("portal.modelBody")}
      </p>
      <Row gutter={[12, 12]}>
        {TRACKS.map((track) => (
          <Col key={track} xs={24} sm={12} lg={6}>
            <Panel size="small" style={{ height: "100%" }}>
              <h3 style={{ fontSize: 15, margin: "0 0 6px" }}>{labels.track[track]}</h3>
              <span className="hatchery-secondary" style={{ fontSize: 13 }}>
                {labels.trackSummary[track]}
              </span>
            </Panel>
          </Col>
        ))}
      </Row>
    </section>
  );
}
