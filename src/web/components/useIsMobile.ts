import { Grid } from "antd";

/** Phone width (below antd's md breakpoint, 768px): drawer menu, card lists, one-column forms. */
export function useIsMobile(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
