/** Placeholder: built by the stage-1 work. */
export default function CallsDetailPage() {
  return null;
}
