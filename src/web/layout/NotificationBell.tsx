/** The header's bell with the unread count. Placeholder: built by the stage-1 work. */
export function NotificationBell() {
  return null;
}
