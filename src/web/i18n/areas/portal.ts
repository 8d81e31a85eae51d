/** UI strings of the portal area, Chinese first; `en` must have the same keys (the type checks it). */
export const zhCN = {};

export const en: typeof zhCN = {};
