/** The portal home's list of public notices (公示), each a link to its page; nothing when none. */

import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePortalNotices } from "../../../api/admission/notices";
import { formatDate } from "../../../components/format";
import { Panel } from "../../../components/Panel";

export function PortalNotices() {
  const { t } = useTranslation();
  const notices = usePortalNotices();
  const items = notices.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="portal-notices">
      <h2 id="portal-notices" style={{ fontSize: 18, margin: "0 0 12px" }}>
        {t("admission.notices.portalList")}
      </h2>
      <Panel>
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {items.map((n) => (
            <li key={n.id} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
              <Link to={`/notices/${n.id}`} style={{ fontWeight: 500 }}>
                {n.title}
              </Link>
              <div style={{ fontSize: 13, color: "rgba(0,0,0,0.68)" }}>
                {t("admission.notices.period", { start: formatDate(n.startsAt), end: formatDate(n.endsAt) })}{" "}
                ·{" "}
                {n.status === "published"
                  ? t("admission.notices.statusPublished")
                  : t("admission.notices.statusClosed")}
              </div>
            </li>
          ))}
        </ul>
      </Panel>
    </section>
  );
}
