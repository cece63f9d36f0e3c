import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { id as t } from "../../addin/i18n/id";
import { snap } from "../support/browser";
import { paneSession, tab } from "../support/pane-session";

/**
 * Issue 13 item 7: at 200% zoom a 350-px task pane is 175 CSS pixels wide, and nothing may overflow
 * sideways (an officer who zooms in must never scroll left and right to reach a button). Checked on
 * every tab, connected to the real API so each tab shows its working controls.
 */

/** Elements wider than the pane's viewport, as "tag.class (width px)", and the page's own scroll width. */
async function overflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number; wide: string[] }> {
  return page.evaluate(() => {
    const clientWidth = document.documentElement.clientWidth;
    const wide: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a scrolling container (a table that scrolls on its own) an overflow is intended.
      if (r.right > clientWidth + 1 && !el.closest("[data-scroll-x]")) wide.push(`${el.tagName.toLowerCase()}.${el.className} (${Math.round(r.right)} px)`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth, wide: wide.slice(0, 5) };
  });
}

describe("the task pane at 200% zoom (175 px wide)", () => {
  const session = paneSession({
    api: true,
    paneOptions: (api) => ({ settings: { apiUrl: api!.url, token: api!.tokens.admin } }),
    prepare: async (s) => {
      await s.officer.page.setViewportSize({ width: 175, height: 700 });
    },
  });

  for (const name of [t.tabs.roster, t.tabs.coverage, t.tindak.tab, t.tabs.settings]) {
    test(`the ${name} tab fits its width: no sideways scrolling, no control cut off`, async () => {
      session.ready();
      const page = session.officer.page;
      await tab(page, name).click();
      await expect.poll(async () => tab(page, name).getAttribute("aria-selected")).toBe("true");
      // Lazy tabs render after their chunk arrives: wait until the panel holds a control.
      await page.getByRole("tabpanel").locator("button, input, [role=combobox]").first().waitFor();
      const seen = await overflow(page);
      if (seen.scrollWidth > seen.clientWidth) await snap(page, `zoom-200-${name}`);
      expect(seen.wide, `elements wider than ${seen.clientWidth} px`).toEqual([]);
      expect(seen.scrollWidth).toBeLessThanOrEqual(seen.clientWidth);
      expect(session.officer.errors).toEqual([]);
    });
  }
});
