import { describe, expect, it } from 'vitest';
import { clampToDisplays, parseWindowState } from '../../src/main/window-bounds';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 1000 };
const defaults = { width: 1040, height: 760 };
const minimum = { width: 720, height: 560 };

describe('window bounds', () => {
  it('keeps saved bounds that fit', () => {
    const saved = { x: 100, y: 80, width: 900, height: 700 };
    expect(clampToDisplays(saved, [primary, right], defaults, minimum)).toEqual(saved);
  });

  it('centres the default size on the primary display when nothing is saved or the display is gone', () => {
    const centred = { x: 440, y: 140, width: 1040, height: 760 };
    expect(clampToDisplays(null, [primary], defaults, minimum)).toEqual(centred);
    expect(clampToDisplays({ x: 5000, y: 0, width: 900, height: 700 }, [primary], defaults, minimum)).toEqual(
      centred,
    );
  });

  it('moves a window half off-screen back onto the display it mostly covers, and shrinks it to fit', () => {
    expect(
      clampToDisplays({ x: 2800, y: -50, width: 900, height: 700 }, [primary, right], defaults, minimum),
    ).toEqual({
      x: 2300,
      y: 0,
      width: 900,
      height: 700,
    });
    expect(
      clampToDisplays({ x: 10, y: 10, width: 4000, height: 3000 }, [primary], defaults, minimum),
    ).toEqual(primary);
    expect(
      clampToDisplays({ x: 10, y: 10, width: 100, height: 100 }, [primary], defaults, minimum),
    ).toMatchObject(minimum);
  });

  it('parses only sane saved state', () => {
    expect(parseWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true })).toEqual({
      bounds: { x: 1, y: 2, width: 3, height: 4 },
      maximized: true,
    });
    for (const bad of [
      null,
      'x',
      {},
      { bounds: { x: 1, y: 2, width: -3, height: 4 } },
      { bounds: { x: NaN, y: 0, width: 1, height: 1 } },
    ]) {
      expect(parseWindowState(bad)).toBeNull();
    }
  });
});
