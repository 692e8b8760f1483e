// C0 and C1 controls and DEL, but tab and newline. Cluster data (node names, contexts, reasons that
// quote them) can carry escape sequences; a terminal shows them as text, as kubectl does, and
// never obeys them.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** Control characters as visible escapes (ESC → "\x1b"); tabs and newlines are kept. */
export function escapeControl(value: string): string {
  return value.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
