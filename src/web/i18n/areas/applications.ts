/** UI strings of the applications area, Chinese first; `en` must have the same keys (the type checks it). */
export const zhCN = {};

export const en: typeof zhCN = {};
