/**
 * The participant's check-in (phone width): the QR code opens /check-in/:id?code=…; signed in, the
 * page sends the code once and says plainly whether it worked and, if not, why (expired, not
 * enrolled, already checked in).
 */
import { Button, Result } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useCheckIn } from "../../../api/services/trainings";
import { formatDateTime } from "../../../components/format";
import { useDocumentTitle } from "../../../components/PageHeader";
import { errorMessage } from "../../../components/serverErrors";

export default function CheckInPage() {
  const { id = "" } = useParams();
  const [search] = useSearchParams();
  const code = search.get("code") ?? "";
  const { t } = useTranslation();
  const checkIn = useCheckIn(id);
  const sent = useRef(false);
  useDocumentTitle(t("trainings.checkInTitle"));
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    checkIn.mutate(code);
  }, [checkIn, code]);
  const back = (
    <Link to="/trainings" key="mine">
      <Button type="primary" size="large">
        {t("trainings.backToMine")}
      </Button>
    </Link>
  );
  return (
    <main style={{ maxWidth: 480, margin: "0 auto", padding: "24px 12px" }}>
      {checkIn.isPending || checkIn.isIdle ? (
        <Result status="info" title={t("trainings.checkingIn")} />
      ) : checkIn.isSuccess ? (
        <Result
          status="success"
          title={t("trainings.checkedIn")}
          subTitle={t("trainings.checkedInAt", {
            topic: checkIn.data.topic,
            at: formatDateTime(checkIn.data.attendedAt),
          })}
          extra={[back]}
        />
      ) : (
        <Result
          status="warning"
          title={t("trainings.checkInFailed")}
          subTitle={errorMessage(checkIn.error)}
          extra={[back]}
        />
      )}
    </main>
  );
}
