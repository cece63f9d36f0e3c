import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface TabItem<K extends string> {
  value: K;
  label: ReactNode;
}

export interface TabsProps<K extends string> {
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (value: K) => void;
  className?: string;
}

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", alignItems: "stretch" },
  tab: {
    position: "relative",
    border: "none",
    background: "none",
    margin: 0,
    cursor: "pointer",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    ":hover": { color: tokens.colorNeutralForeground2Hover, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ":hover": { color: tokens.colorNeutralForeground1 },
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorCompoundBrandStroke,
    },
  },
});

/**
 * The pane's tab strip (WAI-ARIA Authoring Practices, "Tabs with automatic activation"): role
 * tablist/tab, `aria-selected`, one tab in the Tab order (the selected one), ←/→ (wrapping), Home and
 * End move to and select a tab. Each tab's id is `tab-{value}` and it controls `panel-{value}`.
 *
 * Why not Fluent's TabList: it brings tabster and react-tabs into the first screen (about 30 KB of
 * gzipped JS of the 150 KB that issue 13 item 1 and SPEC §8 allow) for what a dozen lines do here.
 */
export function Tabs<K extends string>({ tabs, selected, onSelect, className }: TabsProps<K>) {
  const styles = useStyles();
  const refs = useRef(new Map<K, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = tabs.length - 1;
    const to = e.key === "ArrowRight" ? (index === last ? 0 : index + 1) : e.key === "ArrowLeft" ? (index === 0 ? last : index - 1) : e.key === "Home" ? 0 : e.key === "End" ? last : -1;
    const next = tabs[to];
    if (!next) return;
    e.preventDefault();
    onSelect(next.value);
    refs.current.get(next.value)?.focus();
  };
  return (
    <div role="tablist" aria-orientation="horizontal" className={mergeClasses(styles.list, className)}>
      {tabs.map((tab, i) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(b) => {
              if (b) refs.current.set(tab.value, b);
              else refs.current.delete(tab.value);
            }}
            type="button"
            role="tab"
            id={`tab-${tab.value}`}
            aria-controls={`panel-${tab.value}`}
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
