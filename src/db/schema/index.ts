export * from "./accounts";
export * from "./admission";
export * from "./audit";
export * from "./bases";
export * from "./counts";
export * from "./messaging";
export * from "./organizations";
export * from "./recruitment";
