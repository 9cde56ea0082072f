/**
 * The map's colours (分级设色): five classes of equal width between the lowest and the highest value
 * shown, from red (worst) to green (best) — ColorBrewer's RdYlGn — turned round where lower is
 * better; a city without a value is grey. The legend lists the classes best first.
 */
export const classColours = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850'] as const;
export const noValueColour = '#9aa5b1';

export type Better = 'higher' | 'lower';

export interface ColourClass {
  from: number;
  to: number;
  colour: string;
}

export interface ColourScale {
  /** Best first. */
  classes: ColourClass[];
  colourOf(value: number | null | undefined): string;
}

export function colourScale(values: readonly (number | null | undefined)[], better: Better): ColourScale {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (present.length === 0) return { classes: [], colourOf: () => noValueColour };
  const min = Math.min(...present);
  const max = Math.max(...present);
  const count = classColours.length;
  const width = (max - min) / count;
  /** 0 = worst class … count-1 = best. */
  const rankOf = (value: number): number => {
    if (width === 0) return count - 1;
    const step = Math.min(count - 1, Math.floor((value - min) / width));
    return better === 'higher' ? step : count - 1 - step;
  };
  const classes: ColourClass[] =
    width === 0
      ? [{ from: min, to: max, colour: classColours[count - 1] as string }]
      : Array.from({ length: count }, (_, step) => ({
          from: min + step * width,
          to: step === count - 1 ? max : min + (step + 1) * width,
          colour: classColours[better === 'higher' ? step : count - 1 - step] as string,
        }));
  classes.sort((a, b) => (better === 'higher' ? b.from - a.from : a.from - b.from));
  return {
    classes,
    colourOf: (value) =>
      typeof value === 'number' && Number.isFinite(value)
        ? (classColours[rankOf(value)] as string)
        : noValueColour,
  };
}
