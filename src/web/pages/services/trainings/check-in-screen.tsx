/**
 * The check-in screen for a projector (staff): the training's QR code, full screen, rotating with
 * the server's code (read again every 5 s; a code lasts 30 s), and how many have checked in. The
 * QR holds the app's check-in page with the code; the participant's phone opens it signed in.
 */
import { Button, Result } from "antd";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useCheckInCode, useTraining } from "../../../api/services/trainings";
import { useDocumentTitle } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";

export default function CheckInScreenPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const training = useTraining(id);
  const code = useCheckInCode(id);
  const [image, setImage] = useState<string | null>(null);
  const url = code.data ? `${window.location.origin}${code.data.path}` : null;
  useDocumentTitle(t("trainings.checkInTitle"));
  useEffect(() => {
    if (!url) return;
    let live = true;
    void QRCode.toDataURL(url, { width: 720, margin: 1, errorCorrectionLevel: "M" }).then((data) => {
      if (live) setImage(data);
    });
    return () => {
      live = false;
    };
  }, [url]);
  if (code.isError) return <QueryError error={code.error} onRetry={() => void code.refetch()} />;
  return (
    <main
      style={{
        minHeight: "100vh",
        display: "flex",
        flexDirection: "column",
        alignItems: "center",
        justifyContent: "center",
        gap: 16,
        background: "#fff",
        padding: 16,
      }}
    >
      <h1 style={{ fontSize: "clamp(22px, 4vw, 44px)", margin: 0, textAlign: "center" }}>
        {training.data?.topic}
      </h1>
      <p style={{ fontSize: "clamp(16px, 2vw, 24px)", margin: 0, textAlign: "center" }}>
        {t("trainings.checkInHint", { seconds: code.data?.seconds ?? 30 })}
      </p>
      {image ? (
        <img
          src={image}
          alt={t("trainings.checkInTitle")}
          data-check-in-url={url ?? ""}
          style={{ width: "min(80vh, 90vw)", height: "auto", imageRendering: "pixelated" }}
        />
      ) : (
        <Result status="info" title={t("trainings.checkingIn")} />
      )}
      {code.data && (
        <p style={{ fontSize: "clamp(18px, 2.5vw, 30px)", fontWeight: 600, margin: 0 }}>
          {t("trainings.checkInCount", { attended: code.data.attended, enrolled: code.data.enrolled })}
        </p>
      )}
      <Link to={`/trainings/${id}`}>
        <Button>{t("trainings.enrolments")}</Button>
      </Link>
    </main>
  );
}
