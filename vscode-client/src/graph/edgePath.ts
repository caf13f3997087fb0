/** The SVG path of an edge between two placed boxes: a vertical S-curve, or an arc when both share a row. */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Roughly the gap between rows, so the arc stays in the free space above its row. */
const SAME_ROW_LIFT = 45;

/** Edges run from a dependent to its dependency; a dependency above leaves from the top, one below from the bottom. */
export function edgePath(from: Box, to: Box): string {
  const fromX = from.x + from.width / 2;
  const toX = to.x + to.width / 2;
  if (to.y < from.y) {
    return curve(fromX, from.y, toX, to.y + to.height);
  }
  if (to.y > from.y) {
    return curve(fromX, from.y + from.height, toX, to.y);
  }
  // Same row: an arc above both nodes keeps the edge off the boxes between them.
  const lift = SAME_ROW_LIFT;
  return `M ${fromX} ${from.y} C ${fromX} ${from.y - lift}, ${toX} ${to.y - lift}, ${toX} ${to.y}`;
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const bend = (y2 - y1) / 2;
  return `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}`;
}
