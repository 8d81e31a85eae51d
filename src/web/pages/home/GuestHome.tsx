/**
 * The home of an expert before their stage exists for them: what the base has asked of them
 * (nothing yet, said plainly, with how they will hear of it), and what they can do now. Mentors
 * and partners have their own cards (their organizations, the services to handle).
 */
import {
  BellOutlined,
  CompassOutlined,
  IdcardOutlined,
  InboxOutlined,
  LockOutlined,
} from "@ant-design/icons";
import { Card, Col, Flex, Row, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Role } from "../../../domain/roles";
import { useCurrentUser } from "../../auth/session";

const GUEST_ROLES = ["expert"] as const satisfies readonly Role[];

export function GuestHome() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const mine = GUEST_ROLES.filter((role) => user.roles.includes(role));
  if (mine.length === 0) return null;
  return (
    <>
      <Row gutter={[16, 16]}>
        {mine.map((role) => (
          <Col key={role} xs={24} lg={mine.length > 1 ? 12 : 24}>
            <Card title={<h2 className="hatchery-card-title">{t(`homes.guest.${role}.title`)}</h2>}>
              <Flex gap={16} align="flex-start">
                <InboxOutlined aria-hidden style={{ fontSize: 32, color: "#8c8c8c", marginTop: 2 }} />
                <Typography.Paragraph style={{ marginBottom: 0, fontSize: 15 }}>
                  {t(`homes.guest.${role}.nothing`)}
                </Typography.Paragraph>
              </Flex>
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        style={{ marginTop: 16 }}
        title={<h2 className="hatchery-card-title">{t("homes.guest.meanwhile")}</h2>}
      >
        <Row gutter={[16, 16]}>
          <Step
            icon={<IdcardOutlined />}
            title={t("homes.guest.contact")}
            text={t("homes.guest.contactText")}
          >
            <Typography.Text strong style={{ display: "block", marginTop: 4 }}>
              {t("homes.guest.onFile", {
                mobile: user.mobile ?? t("homes.guest.none"),
                email: user.email ?? t("homes.guest.none"),
              })}
            </Typography.Text>
          </Step>
          <Step
            icon={<LockOutlined />}
            title={t("homes.guest.password")}
            text={t("homes.guest.passwordText")}
            to="/account/password"
          />
          <Step
            icon={<CompassOutlined />}
            title={t("homes.guest.portal")}
            text={t("homes.guest.portalText")}
            to="/portal"
          />
          <Step
            icon={<BellOutlined />}
            title={t("homes.guest.notifications")}
            text={t("homes.guest.notificationsText")}
            to="/notifications"
          />
        </Row>
      </Card>
    </>
  );
}

function Step(props: { icon: ReactNode; title: string; text: string; to?: string; children?: ReactNode }) {
  const { icon, title, text, to, children } = props;
  return (
    <Col xs={24} md={12} xl={6}>
      <Flex gap={12} align="flex-start">
        <span aria-hidden style={{ fontSize: 20, color: "#0958d9", lineHeight: "24px" }}>
          {icon}
        </span>
        <div>
          <h3 className="hatchery-card-title" style={{ fontSize: 15, marginBottom: 4 }}>
            {to ? <Link to={to}>{title}</Link> : title}
          </h3>
          <Typography.Text type="secondary">{text}</Typography.Text>
          {children}
        </div>
      </Flex>
    </Col>
  );
}
