/**
 * Words for the organization vocabulary, in both languages: the web app shows them and the
 * spreadsheets (export, import template, import) write and read them, so they agree everywhere.
 */
import type { ServiceCategory } from "../domain/incubation/plan";
import type { OrganizationField, RegistrationStatus, Residency } from "../domain/organization";
import type { Lang } from "./messages";

interface OrganizationLabels {
  registrationStatus: Record<RegistrationStatus, string>;
  residency: Record<Residency, string>;
  field: Record<OrganizationField, string>;
}

export const ORGANIZATION_LABELS: Record<Lang, OrganizationLabels> = {
  "zh-CN": {
    registrationStatus: {
      unregistered: "未登记团队",
      social_group: "社会团体",
      social_service_agency: "社会服务机构（民非）",
      foundation: "基金会",
    },
    residency: { resident: "入驻孵化", virtual: "虚拟孵化", none: "未入驻" },
    field: {
      culture: "文化",
      sport: "运动",
      health: "健康",
      innovation: "创新",
      friendliness: "友好",
      elderly: "养老助老",
      children: "儿童青少年",
      disability: "助残",
      environment: "环境保护",
      volunteering: "志愿服务",
      legal_aid: "法律援助",
      education: "教育",
      poverty_relief: "帮困救助",
    },
  },
  en: {
    registrationStatus: {
      unregistered: "Unregistered team",
      social_group: "Social group",
      social_service_agency: "Social service agency",
      foundation: "Foundation",
    },
    residency: { resident: "Resident incubation", virtual: "Virtual incubation", none: "Not incubated" },
    field: {
      culture: "Culture",
      sport: "Sport",
      health: "Health",
      innovation: "Innovation",
      friendliness: "Friendliness",
      elderly: "Elderly care",
      children: "Children and youth",
      disability: "Disability support",
      environment: "Environment",
      volunteering: "Volunteering",
      legal_aid: "Legal aid",
      education: "Education",
      poverty_relief: "Poverty relief",
    },
  },
};

/**
 * The base's four service categories (4Z): what a need asks for and what a service gives. The plan,
 * the services, mentoring and funding areas all tag with these words.
 */
export const SERVICE_CATEGORY_LABELS: Record<Lang, Record<ServiceCategory, string>> = {
  "zh-CN": { information: "资讯", consulting: "咨询", capital: "资本", resources: "资源" },
  en: { information: "Information", consulting: "Consulting", capital: "Capital", resources: "Resources" },
};
