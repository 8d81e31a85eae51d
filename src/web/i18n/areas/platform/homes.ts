/**
 * UI strings of the role homes: the recruitment figures of government viewers and liaisons, and
 * what an expert sees before its stage exists. `en` has the same keys.
 */
export const zhCN = {
  figures: {
    title: "招募数据",
    scopeBase: "{{base}}的招募和社会组织名录统计。这里只有数量，不含任何个人信息。",
    scopeBases:
      "全市 {{count}} 个孵化基地的招募和社会组织名录统计，按基地分列。这里只有数量，不含任何个人信息。",
    scopeTown: "以下数字只统计{{town}}的社会组织及其提交的申请。这里只有数量，不含任何个人信息。",
    townTag: "您负责的镇街：{{town}}",
    noTownTitle: "管理员还没有为您设置所负责的镇街",
    noTownText:
      "设置后，这里会显示该镇街社会组织及其申请的统计数字。请联系基地管理员在“用户管理”中为您选择镇街。",
    callsOpen: "正在招募",
    callsUpcoming: "即将开始",
    callsClosed: "已截止的招募",
    applications: "申请总数",
    funnel: "招募漏斗",
    funnelHint: "每一层统计曾经到达这一步的申请，之后撤回的也算在内。",
    stage: {
      started: "开始填写申请",
      submitted: "已提交申请",
      accepted: "通过形式审查，进入初筛",
    },
    funnelTable: "招募漏斗（数据表）",
    stageColumn: "阶段",
    countColumn: "申请数",
    rateColumn: "占上一阶段",
    byStatus: "申请目前的状态",
    byTrack: "按孵化方向",
    byTown: "按申请组织所在镇街",
    noTown: "未填写镇街",
    trackColumn: "孵化方向",
    townColumn: "镇街",
    totalColumn: "申请",
    submittedColumn: "已提交",
    acceptedColumn: "进入初筛",
    organizationsTotal: "共 {{count}} 家",
    byKind: "社会组织名录：按登记类型",
    byField: "社会组织名录：按服务领域",
    noApplications: "暂时还没有申请",
    applicationCount: "{{count}} 份",
  },
  guest: {
    expert: {
      title: "评审任务",
      nothing:
        "目前没有分配给您的评审任务。基地邀请您评审时，您会在这里看到任务和截止时间，并收到短信或邮件通知。",
    },
    meanwhile: "在此之前，您可以",
    contact: "核对联系方式",
    contactText: "通知会发到您在平台登记的手机和邮箱。号码或邮箱有变化时，请告诉基地管理员帮您更新。",
    onFile: "手机：{{mobile}}　邮箱：{{email}}",
    none: "未登记",
    password: "修改登录密码",
    passwordText: "换成只有您知道的密码，保护账号安全。",
    portal: "看看正在招募的项目",
    portalText: "了解基地今年在招募哪些社会组织、各孵化方向的要求。",
    notifications: "查看消息通知",
    notificationsText: "基地发给您的消息都在这里，右上角的铃铛也会提醒您。",
  },
};

export const en: typeof zhCN = {
  figures: {
    title: "Recruitment figures",
    scopeBase: "Recruitment and registry figures of {{base}}. Counts only, no personal data.",
    scopeBases:
      "Recruitment and registry figures of the city's {{count}} incubation bases, base by base. Counts only, no personal data.",
    scopeTown:
      "These figures count only the organizations of {{town}} and their applications. Counts only, no personal data.",
    townTag: "Your town: {{town}}",
    noTownTitle: "The administrator has not set your town yet",
    noTownText:
      "Once it is set, this page shows the figures of that town's organizations and their applications. Ask the base administrator to choose your town under Users.",
    callsOpen: "Calls open",
    callsUpcoming: "Calls opening soon",
    callsClosed: "Calls closed",
    applications: "Applications",
    funnel: "Recruitment funnel",
    funnelHint: "Each step counts the applications that ever reached it, including those withdrawn later.",
    stage: {
      started: "Application started",
      submitted: "Application submitted",
      accepted: "Accepted for screening",
    },
    funnelTable: "Recruitment funnel (data table)",
    stageColumn: "Step",
    countColumn: "Applications",
    rateColumn: "Of step before",
    byStatus: "Where applications stand now",
    byTrack: "By track",
    byTown: "By the applicant's town",
    noTown: "No town given",
    trackColumn: "Track",
    townColumn: "Town",
    totalColumn: "Applied",
    submittedColumn: "Submitted",
    acceptedColumn: "To screening",
    organizationsTotal: "{{count}} in all",
    byKind: "Registry: by registration",
    byField: "Registry: by service field",
    noApplications: "No applications yet",
    applicationCount: "{{count}}",
  },
  guest: {
    expert: {
      title: "Review tasks",
      nothing:
        "No review tasks are assigned to you at the moment. When the base invites you to review, you will see the tasks and their deadlines here, and get a text message or an email.",
    },
    meanwhile: "In the meantime, you can",
    contact: "Check your contact details",
    contactText:
      "Notices go to the mobile number and email the platform has for you. If either changes, ask the base administrator to update it.",
    onFile: "Mobile: {{mobile}} · Email: {{email}}",
    none: "none",
    password: "Change your password",
    passwordText: "Pick one only you know, to keep your account safe.",
    portal: "See the open calls",
    portalText: "Which organizations the base is recruiting this year, and what each track asks for.",
    notifications: "Read your notifications",
    notificationsText:
      "Messages from the base are kept here; the bell at the top tells you when one arrives.",
  },
};
