/**
 * One incubation's mentoring (/incubations/:id/mentoring): its mentorships (staff match and pair a
 * mentor here, or end one early), the session log form for its mentor (phone-friendly), and its
 * sessions with their action items, which the organization's member confirms and rates.
 */
import { Flex } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { usePlan } from "../../../../api/incubation/plan";
import { useCurrentUser } from "../../../../auth/session";
import { PageHeader } from "../../../../components/PageHeader";
import { MentorshipsCard } from "./MentorshipsCard";
import { SessionForm } from "./SessionForm";
import { SessionList } from "./SessionList";

export default function IncubationMentoringPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const user = useCurrentUser();
  const plan = usePlan(id);
  const isMentor = user.roles.includes("mentor");
  const isStaff = user.roles.some((r) => r === "staff" || r === "admin");
  return (
    <>
      <PageHeader
        title={t("mentoring.page")}
        subTitle={plan.data?.organizationName}
        backTo={isMentor && !isStaff ? "/" : `/incubations/${id}`}
      />
      <Flex vertical gap={16}>
        <MentorshipsCard
          incubationId={id}
          manage={isStaff}
          organizationName={plan.data?.organizationName ?? ""}
          span={plan.data ? { startOn: plan.data.startOn, plannedEndOn: plan.data.plannedEndOn } : null}
        />
        {isMentor && <SessionForm incubationId={id} />}
        <SessionList incubationId={id} />
      </Flex>
    </>
  );
}
