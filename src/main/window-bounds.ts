/**
 * Where the window reopens: the remembered bounds, moved and shrunk as needed to fit on one of the
 * current displays (a monitor may have been unplugged since). Pure.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function isFiniteRect(r: unknown): r is Rect {
  if (typeof r !== 'object' || r === null) return false;
  const { x, y, width, height } = r as Record<string, unknown>;
  return [x, y, width, height].every((n) => typeof n === 'number' && Number.isFinite(n));
}

/** Parses a saved state; null for anything unusable. */
export function parseWindowState(json: unknown): WindowState | null {
  if (typeof json !== 'object' || json === null) return null;
  const { bounds, maximized } = json as Record<string, unknown>;
  if (!isFiniteRect(bounds) || bounds.width <= 0 || bounds.height <= 0) return null;
  return { bounds, maximized: maximized === true };
}

/**
 * Fits `saved` into the work area it overlaps most; when it overlaps none, centres a window of the
 * default size on the first (primary) work area.
 */
export function clampToDisplays(
  saved: Rect | null,
  workAreas: readonly Rect[],
  defaults: { width: number; height: number },
  minimum: { width: number; height: number },
): Rect {
  const primary = workAreas[0];
  if (!primary) return { x: 0, y: 0, width: defaults.width, height: defaults.height };
  let target: Rect | undefined;
  let best = 0;
  for (const area of saved ? workAreas : []) {
    const overlap = overlapArea(saved!, area);
    if (overlap > best) {
      best = overlap;
      target = area;
    }
  }
  if (!saved || !target) {
    const width = Math.min(defaults.width, primary.width);
    const height = Math.min(defaults.height, primary.height);
    return {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    };
  }
  const width = Math.min(Math.max(saved.width, minimum.width), target.width);
  const height = Math.min(Math.max(saved.height, minimum.height), target.height);
  const x = Math.min(Math.max(saved.x, target.x), target.x + target.width - width);
  const y = Math.min(Math.max(saved.y, target.y), target.y + target.height - height);
  return { x, y, width, height };
}
