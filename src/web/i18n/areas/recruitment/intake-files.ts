/**
 * UI strings of reading documents in the intake page and stepping through the queue, part of the
 * `intake` namespace (intake.ts is long enough). Chinese first; `en` has the same keys.
 */
export const zhCN = {
  preview: {
    open: "查看",
    openLabel: "查看 {{name}}",
    title: "{{item}}：{{name}}",
    newTab: "在新标签页打开",
    verdictHere: "审核此项",
    previous: "上一份材料",
    next: "下一份材料",
    position: "第 {{index}} / {{count}} 份",
    imageAlt: "{{name}}（图片）",
  },
  history: {
    replaced: "已替换",
    replacedAt: "{{time}} 被替换",
    label: "替换记录",
  },
  step: {
    next: "下一份",
    nextLabel: "下一份申请：{{name}}",
    backToQueue: "返回队列",
    offerNext: "继续审核下一份：{{name}}",
    lastInQueue: "这是队列中的最后一份申请，队列已处理完。",
    endReached: "已是队列中的最后一份，返回队列。",
  },
};

export const en: typeof zhCN = {
  preview: {
    open: "View",
    openLabel: "View {{name}}",
    title: "{{item}}: {{name}}",
    newTab: "Open in a new tab",
    verdictHere: "Check this item",
    previous: "Previous document",
    next: "Next document",
    position: "{{index}} of {{count}}",
    imageAlt: "{{name}} (image)",
  },
  history: {
    replaced: "Replaced",
    replacedAt: "replaced {{time}}",
    label: "Replaced files",
  },
  step: {
    next: "Next",
    nextLabel: "Next application: {{name}}",
    backToQueue: "Back to the queue",
    offerNext: "Go on with the next one: {{name}}",
    lastInQueue: "This was the last application in the queue; the queue is done.",
    endReached: "That was the last one in the queue; back to the queue.",
  },
};
