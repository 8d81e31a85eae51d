/** The expert's home: the rounds with applications to score, x of n submitted, the deadline. */
import { Card, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMyReviews } from "../../../api/admission/reviews";
import { useAccess } from "../../../auth/session";
import { formatDateTime } from "../../../components/format";

export function MyReviewsCard() {
  const { t } = useTranslation();
  const access = useAccess();
  const mine = useMyReviews(access.reviewWrite);
  if (!access.reviewWrite) return null;
  const rounds = (mine.data?.rounds ?? []).filter((r) => r.status === "open");
  return (
    <Card
      style={{ marginBottom: 16 }}
      loading={mine.isPending}
      title={<h2 className="hatchery-card-title">{t("reviews.homeTitle")}</h2>}
      extra={<Link to="/reviews">{t("reviews.homeMore")}</Link>}
    >
      <List
        size="small"
        locale={{ emptyText: <Typography.Text type="secondary">{t("reviews.empty")}</Typography.Text> }}
        dataSource={rounds}
        rowKey="roundId"
        renderItem={(r) => {
          const next = r.reviews?.find((x) => x.status !== "submitted");
          return (
            <List.Item style={{ paddingInline: 0 }}>
              {next ? (
                <Link to={`/reviews/${next.id}`}>
                  {t("reviews.homeLine", {
                    title: r.title,
                    submitted: r.submitted,
                    total: r.total,
                    time: formatDateTime(r.deadline),
                  })}
                </Link>
              ) : (
                t("reviews.homeLine", {
                  title: r.title,
                  submitted: r.submitted,
                  total: r.total,
                  time: formatDateTime(r.deadline),
                })
              )}
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
