/** A project's status as a coloured tag. */
import { useTranslation } from "react-i18next";
import type { ProjectStatus } from "../../../../domain/funding/grant";
import { ToneTag } from "../../../components/labels";

const TONE = { draft: "default", active: "green", closed: "blue", cancelled: "default" } as const;

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONE[status]}>{t(`fundingProjects.projectStatus.${status}`)}</ToneTag>;
}
