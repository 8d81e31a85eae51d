/**
 * Staff's to-do: rounds short of reviews. A round being set up or open whose applications do not
 * all have their k reviewers yet, or an open round with unsubmitted reviews three days or less
 * before its deadline. Shown only when there is one.
 */
import { Card, List } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useRoundList } from "../../../api/admission/rounds";
import { useAccess } from "../../../auth/session";
import { formatDateTime } from "../../../components/format";

const SOON_MS = 3 * 24 * 3600 * 1000;

export function RoundsShortCard() {
  const { t } = useTranslation();
  const access = useAccess();
  const rounds = useRoundList({ page: 1, pageSize: 50 }, access.roundManage);
  if (!access.roundManage || !rounds.data) return null;
  const now = Date.now();
  const lines = rounds.data.items.flatMap((r) => {
    if (r.status === "closed") return [];
    if (r.reviewCount < r.subjectCount * r.reviewsPerSubject) {
      return [{ id: r.id, text: t("rounds.homeShort", { title: r.title }) }];
    }
    const left = r.reviewCount - r.submittedCount;
    if (r.status === "open" && left > 0 && Date.parse(r.deadline) - now < SOON_MS) {
      return [
        { id: r.id, text: t("rounds.homeDue", { title: r.title, left, time: formatDateTime(r.deadline) }) },
      ];
    }
    return [];
  });
  if (lines.length === 0) return null;
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("rounds.homeTitle")}</h2>}
    >
      <List
        size="small"
        dataSource={lines}
        rowKey="id"
        renderItem={(line) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Link to={`/rounds/${line.id}`}>{line.text}</Link>
          </List.Item>
        )}
      />
    </Card>
  );
}
