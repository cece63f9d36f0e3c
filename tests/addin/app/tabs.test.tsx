import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Tabs } from "../../../addin/app/Tabs";
import { renderPane } from "../support/render";

const items = [
  { value: "a", label: "Roster" },
  { value: "b", label: "Cakupan" },
  { value: "c", label: "Pengaturan" },
] as const;

function Strip() {
  const [selected, setSelected] = useState<"a" | "b" | "c">("a");
  return <Tabs tabs={items} selected={selected} onSelect={setSelected} />;
}

const selected = () => screen.getAllByRole("tab").filter((t) => t.getAttribute("aria-selected") === "true").map((t) => t.textContent);

describe("the pane's tab strip", () => {
  it("is a tablist whose tabs name the panels they control, with only the selected one in the Tab order", () => {
    render(<Strip />);
    expect(screen.getByRole("tablist")).toBeTruthy();
    const tabs = screen.getAllByRole("tab");
    expect(tabs.map((t) => t.getAttribute("aria-controls"))).toEqual(["panel-a", "panel-b", "panel-c"]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    expect(selected()).toEqual(["Roster"]);
  });

  it("selects and focuses the next tab with the arrow keys, wrapping, and the ends with Home and End", () => {
    render(<Strip />);
    const tab = (name: string) => screen.getByRole("tab", { name });
    fireEvent.keyDown(tab("Roster"), { key: "ArrowLeft" });
    expect(selected()).toEqual(["Pengaturan"]);
    expect(document.activeElement).toBe(tab("Pengaturan"));
    fireEvent.keyDown(tab("Pengaturan"), { key: "ArrowRight" });
    expect(selected()).toEqual(["Roster"]);
    fireEvent.keyDown(tab("Roster"), { key: "End" });
    expect(selected()).toEqual(["Pengaturan"]);
    fireEvent.keyDown(tab("Pengaturan"), { key: "Home" });
    expect(selected()).toEqual(["Roster"]);
    expect(tab("Roster").tabIndex).toBe(0);
    fireEvent.keyDown(tab("Roster"), { key: "a" });
    expect(selected()).toEqual(["Roster"]);
  });

  it("shows the chosen tab's panel in the pane and hides the others", () => {
    renderPane();
    fireEvent.click(screen.getByRole("tab", { name: "Pengaturan" }));
    expect(screen.getByRole("tab", { name: "Pengaturan" }).getAttribute("aria-selected")).toBe("true");
    expect(document.getElementById("panel-settings")!.hidden).toBe(false);
    expect(document.getElementById("panel-roster")!.hidden).toBe(true);
  });
});
