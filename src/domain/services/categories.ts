/**
 * The "4Z" service system (四Z: 资讯 information, 咨询 consulting, 资本 capital, 资源 resources):
 * every service the base gives, whatever delivers it, is of one category, so the figures can
 * count a request answered, a training attended and a mentoring session alike.
 */
export const SERVICE_CATEGORIES = ["information", "consulting", "capital", "resources"] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/**
 * What delivered a service, as the service ledger (服务台账) keeps it: a request or an unasked
 * service closed with a service record, an attendance at a training, a mentoring session.
 */
export const DELIVERY_KINDS = ["service", "training", "mentoring"] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/**
 * Who is served, as the catalogue, the trainings and the posts name them: organizations that are
 * resident at the base, virtual (served online, "1+N"), graduated, and the public (individuals).
 */
export const AUDIENCES = ["resident", "virtual", "graduated", "public"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A satisfaction rating: 1 (poor) to 5 (excellent). */
export const RATING_MIN = 1;
export const RATING_MAX = 5;
