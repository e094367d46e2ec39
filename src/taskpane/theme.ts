/**
 * Light or dark, as the host is: Office's theme in Excel (its body
 * background colour), the system's colour scheme in a browser.
 */

/** Relative luminance of "#RRGGBB" (or "RRGGBB"); null when it is not such a colour. */
export function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Dark when Office paints the pane's body dark (Office's "Black" and
 * "Dark Gray" themes); when Office does not say, the system decides.
 */
export function prefersDark(officeBodyBackground: string | null | undefined, systemDark: boolean): boolean {
  const l = officeBodyBackground ? luminance(officeBodyBackground) : null;
  return l === null ? systemDark : l < 0.3;
}
