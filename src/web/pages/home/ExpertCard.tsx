/**
 * The expert's home card: where their reviews are (the assignments page, /reviews, built with the
 * scoring) and their profile, which guides what they are given.
 */
import { AuditOutlined, IdcardOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useInvitationList } from "../../api/admission/experts";
import { useAccess } from "../../auth/session";

const REVIEWS_PATH = "/reviews";

export function ExpertCard() {
  const { t } = useTranslation();
  const access = useAccess();
  if (!access.isExpert) return null;
  return (
    <Card
      style={{ marginBottom: 16 }}
      title={<h2 className="hatchery-card-title">{t("experts.homeCardTitle")}</h2>}
    >
      <Typography.Paragraph style={{ fontSize: 15 }}>{t("experts.homeCardBody")}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Link to={REVIEWS_PATH}>
          <Button type="primary" icon={<AuditOutlined aria-hidden />}>
            {t("experts.homeCardLink")}
          </Button>
        </Link>
        <Link to="/account/expert">
          <Button icon={<IdcardOutlined aria-hidden />}>{t("experts.homeProfileLink")}</Button>
        </Link>
      </Flex>
    </Card>
  );
}

/** Staff: invitations still waiting for an answer, when there are any (a link to the list). */
export function PendingInvitations() {
  const access = useAccess();
  return access.expertManage ? <PendingInvitationsNote /> : null;
}

function PendingInvitationsNote() {
  const { t } = useTranslation();
  const waiting = useInvitationList({ status: "sent", page: 1, pageSize: 1 });
  const count = waiting.data?.total ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={<Link to="/experts/invitations?status=sent">{t("experts.pendingInvitations", { count })}</Link>}
    />
  );
}
