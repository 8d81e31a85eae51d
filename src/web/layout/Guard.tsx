import { lazy, type ReactNode } from "react";
import type { Access } from "../access";
import { useAccess } from "../auth/session";

const ForbiddenPage = lazy(() => import("../pages/platform/exception/403"));

type Flag = { [K in keyof Access]: Access[K] extends boolean ? K : never }[keyof Access];

/** Shows the page only to users whose access allows it; others see 403 at the same address. */
export function Guard({ allow, page }: { allow: Flag; page: ReactNode }) {
  const access = useAccess();
  return access[allow] ? page : <ForbiddenPage />;
}
