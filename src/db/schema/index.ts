export * from "./accounts";
export * from "./audit";
export * from "./bases";
export * from "./messaging";
export * from "./organizations";
export * from "./recruitment";
export * from "./admission";
