import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** The part of Office.context.officeTheme the pane reads (office.js: OfficeTheme). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
}

/** Relative luminance 0…1 of "#rrggbb" (WCAG 2.x formula); null for anything else. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex?.trim() ?? "");
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Fluent's dark theme when Office's own theme is dark (Black or Dark Gray: a dark task pane body),
 * light otherwise and outside Office (issue 13 item 6). Office exposes the theme as colours only.
 */
export function themeFor(officeTheme: OfficeThemeColors | undefined | null): Theme {
  const l = luminance(officeTheme?.bodyBackgroundColor);
  return l !== null && l < 0.2 ? webDarkTheme : webLightTheme;
}

/** Office.context.officeTheme of the running host, if any. */
export function currentOfficeTheme(): OfficeThemeColors | undefined {
  const office = (globalThis as { Office?: { context?: { officeTheme?: OfficeThemeColors } } }).Office;
  try {
    return office?.context?.officeTheme;
  } catch {
    // Hosts without theme support throw on access.
    return undefined;
  }
}
