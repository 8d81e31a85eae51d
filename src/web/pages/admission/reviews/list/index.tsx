/** 我的评审: the expert's assignments by round, x of n submitted, the deadline; one click (or Enter) to score. */

import { Button, Card, Empty, Flex, List, Progress, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReviewEntry } from "../../../../../schemas/admission/reviews";
import { useMyReviews, useRoundReviews } from "../../../../api/admission/reviews";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { TrackText } from "../../../../components/recruitmentLabels";

export default function MyReviewsPage() {
  const { t } = useTranslation();
  const list = useMyReviews();
  return (
    <>
      <PageHeader title={t("reviews.listTitle")} />
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Card loading />
      ) : list.data.rounds.length === 0 ? (
        <Card>
          <Empty description={t("reviews.empty")} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {list.data.rounds.map((round) => (
            <Card
              key={round.roundId}
              title={round.title}
              extra={<span>{t("reviews.deadline", { time: formatDateTime(round.deadline) })}</span>}
            >
              <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
                <Progress
                  percent={round.total ? Math.round((round.submitted * 100) / round.total) : 0}
                  style={{ flex: 1, margin: 0 }}
                  aria-label={t("reviews.progress", { submitted: round.submitted, total: round.total })}
                />
                <span>{t("reviews.progress", { submitted: round.submitted, total: round.total })}</span>
              </Flex>
              {round.reviews ? <ReviewList reviews={round.reviews} /> : <PastRound roundId={round.roundId} />}
            </Card>
          ))}
        </Flex>
      )}
    </>
  );
}

/** A round that is not open comes counted only: its reviews are fetched when asked for. */
function PastRound({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const reviews = useRoundReviews(roundId, shown);
  if (!shown) return <Button onClick={() => setShown(true)}>{t("reviews.showReviews")}</Button>;
  if (reviews.isError) return <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  if (!reviews.data) return <Card loading variant="borderless" />;
  return <ReviewList reviews={reviews.data} />;
}

function ReviewList({ reviews }: { reviews: ReviewEntry[] }) {
  const { t } = useTranslation();
  return (
    <List
      dataSource={reviews}
      rowKey="id"
      renderItem={(r) => (
        <List.Item
          actions={[
            <ToneTag
              key="s"
              tone={r.status === "submitted" ? "green" : r.status === "draft" ? "blue" : "default"}
            >
              {t(`reviews.status.${r.status}`)}
            </ToneTag>,
          ]}
        >
          <Flex vertical gap={2}>
            <Link to={`/reviews/${r.id}`} style={{ fontWeight: 600 }}>
              {r.organizationName}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              <TrackText track={r.track} />
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
