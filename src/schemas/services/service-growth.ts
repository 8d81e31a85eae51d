/**
 * What the service desk writes into the growth file (组织成长档案), declared here so the kinds live
 * with the area that writes them (src/domain/growth.ts).
 */
import type { ServiceCategory } from "../../domain/services/categories";
import type { ServiceMode } from "../../domain/services/request";

declare module "../../domain/growth" {
  interface GrowthKinds {
    /** A service given (closing a request, or unasked, alone or to a group). */
    "service.delivered": { category: ServiceCategory; mode: ServiceMode; minutes: number; asked: boolean };
    /** The organization rated a service it was given. */
    "service.rated": { rating: number; note: string | null };
  }
}
