/** `value` rounded half up to `digits` decimals (0 digits: a whole number); NaN stays NaN. */
export function roundTo(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
