// One small inline SVG per kind of node, drawn with currentColor so both themes tint them.
import type { ExternalKind, ResourceKind } from "../../shared/model";

type Kind = ResourceKind | ExternalKind | "group";

const PATHS: Record<Kind, React.ReactNode> = {
  instance: (
    <>
      <rect x="5" y="5" width="14" height="14" rx="2" />
      <path d="M9 1v4M15 1v4M9 19v4M15 19v4M1 9h4M1 15h4M19 9h4M19 15h4" />
    </>
  ),
  loadBalancer: (
    <>
      <circle cx="12" cy="5" r="3" />
      <circle cx="5" cy="19" r="3" />
      <circle cx="19" cy="19" r="3" />
      <path d="M12 8v4M12 12l-6 4.5M12 12l6 4.5" />
    </>
  ),
  database: (
    <>
      <ellipse cx="12" cy="5" rx="8" ry="3" />
      <path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" />
    </>
  ),
  function: (
    <>
      <path d="M15 3h-2a3 3 0 0 0-3 3v12a3 3 0 0 1-3 3H5" />
      <path d="M7 10h9" />
    </>
  ),
  containerService: (
    <>
      <path d="M12 2l9 5v10l-9 5-9-5V7z" />
      <path d="M3 7l9 5 9-5M12 12v10" />
    </>
  ),
  endpoint: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2v7M12 15v7M2 12h7M15 12h7" />
    </>
  ),
  internet: (
    <>
      <circle cx="12" cy="12" r="10" />
      <path d="M2 12h20M12 2c3 3 4.5 6.5 4.5 10S15 19 12 22c-3-3-4.5-6.5-4.5-10S9 5 12 2z" />
    </>
  ),
  myIp: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 22c0-4.4 3.6-8 8-8s8 3.6 8 8" />
    </>
  ),
  cidr: (
    <>
      <path d="M3 21V9l9-6 9 6v12z" />
      <path d="M9 21v-6h6v6" />
    </>
  ),
  group: <path d="M12 2l8 3v6c0 5-3.4 9.4-8 11-4.6-1.6-8-6-8-11V5z" />,
};

export function KindIcon({ kind, size = 18 }: { kind: Kind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[kind]}
    </svg>
  );
}
