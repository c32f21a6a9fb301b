// The one key map of every list (docs/guides/accessibility.md), apart from the virtualised lists'
// controller (roving-rows.ts): a list that is not virtualised (roving-focus.ts) uses it without
// pulling the virtualizer into its bundle.

/** How many rows Page Up and Page Down move, in every list. */
export const PAGE_ROWS = 8;

/**
 * The row a key press moves to from `row` in a list of `count` rows, clamped to the list; undefined
 * when the key is not a move (or comes with Alt, Ctrl or Meta). The one key map of every list.
 */
export function rowAfterKey(event: KeyboardEvent, row: number, count: number): number | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const last = count - 1;
  const moves: Record<string, number> = {
    ArrowDown: row + 1,
    ArrowUp: row - 1,
    PageDown: row + PAGE_ROWS,
    PageUp: row - PAGE_ROWS,
    Home: 0,
    End: last,
  };
  const next = moves[event.key];
  return next === undefined ? undefined : Math.max(0, Math.min(last, next));
}
