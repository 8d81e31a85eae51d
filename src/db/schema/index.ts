export * from "./accounts";
export * from "./audit";
export * from "./bases";
export * from "./organizations";
