import { Outlet } from "react-router";

/** The public portal's frame (no sign-in). Placeholder: built by the stage-1 work. */
export function PortalLayout() {
  return <Outlet />;
}
