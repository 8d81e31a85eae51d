/** UI strings of one's own account settings, Chinese first; `en` must have the same keys. */
export const zhCN = {
  notifications: {
    title: "通知设置",
    intro: "状态变化、工作人员消息和截止提醒都会出现在右上角的“消息通知”中；您还可以选择通过邮件和短信接收。",
    bell: "站内消息通知",
    bellHelp: "始终开启",
    email: "邮件",
    emailHelp: "发送到 {{address}}",
    emailNone: "账号没有邮箱，请联系管理员补充后再开启",
    sms: "短信",
    smsHelp:
      "发送到 {{mobile}}。仅用于重要通知：退回补充、受理、不符合条件、截止前 3 天和 1 天的提醒、工作人员的新消息。",
    smsNone: "账号没有手机号码，请联系管理员补充后再开启",
    smsQuiet: "为免打扰，{{from}}–{{until}}（北京时间）不发短信，顺延到 {{until}} 发送。",
    smsCap: "每个号码每天最多 {{cap}} 条，超出的次日发送。",
    language: "短信的语言（邮件为中英双语）",
    saved: "通知设置已保存",
    keptMine: "已载入最新设置，您的选择保留在表单中，请确认后再保存",
    always: "开启",
  },
};

export const en: typeof zhCN = {
  notifications: {
    title: "Notification settings",
    intro:
      "Status changes, messages from staff and deadline reminders always appear under Notifications at the top right; you may also receive them by email and SMS.",
    bell: "In-app notifications",
    bellHelp: "Always on",
    email: "Email",
    emailHelp: "Sent to {{address}}",
    emailNone: "The account has no email address; ask an administrator to add one first",
    sms: "SMS",
    smsHelp:
      "Sent to {{mobile}}. Only for what matters: returned for completion, accepted, ineligible, reminders 3 days and 1 day before a deadline, new messages from staff.",
    smsNone: "The account has no mobile number; ask an administrator to add one first",
    smsQuiet: "No texts between {{from}} and {{until}} (Beijing time): they wait until {{until}}.",
    smsCap: "At most {{cap}} a day per number; more wait for the next day.",
    language: "Language of text messages (emails are in both)",
    saved: "Notification settings saved",
    keptMine: "The latest settings are loaded and your choices kept in the form; check them and save again",
    always: "On",
  },
};
