/**
 * What the trainings write into the organization's growth file (组织成长档案), declared here so
 * the kind lives with the area that writes it (src/domain/growth.ts).
 */
declare module "../../domain/growth" {
  interface GrowthKinds {
    /** A person of the organization attended a training (minutes: the session's duration). */
    "training.attended": { topic: string; minutes: number; personName: string };
  }
}

export {};
