/** The middle of a set of timings (the upper middle for an even count), as every benchmark reports them. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
