/** The platform's mark: a sprout in a circle (decorative; the name beside it is the text). */
export function BrandMark({ size = 28 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
      style={{ flex: "none" }}
    >
      <circle cx="16" cy="16" r="15" fill="#1677ff" />
      <path d="M16 25v-9" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M16 17c0-4 -3-7 -7-7c0 4 3 7 7 7Z" fill="#fff" />
      <path d="M16 15c0-4 3-7 7-7c0 4 -3 7 -7 7Z" fill="#b7eb8f" />
    </svg>
  );
}
