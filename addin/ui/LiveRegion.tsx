import { makeStyles } from "@fluentui/react-components";

const useStyles = makeStyles({
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
});

/**
 * A polite live region (issue 13 item 7): a screen reader announces `message` whenever it changes —
 * results of a check, notices, progress phases. Visually hidden; the same words are on screen.
 */
export function LiveRegion({ message }: { message: string }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid="live-region">
      {message}
    </div>
  );
}
