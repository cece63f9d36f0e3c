import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useStrings } from "../i18n";

export interface NoticeData {
  intent: MessageBarIntent;
  title?: string;
  body: string;
  detail?: string | null;
  /** One button beside the message ("Validasi ulang", "Kirim lagi"). */
  action?: { label: string; onClick: () => void };
}

const useStyles = makeStyles({
  detail: { display: "block", marginTop: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** A MessageBar in the UI language; every error and outcome of a flow is one of these. */
export function Notice({ notice, onDismiss, children }: { notice: NoticeData; onDismiss?: () => void; children?: ReactNode }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <MessageBar intent={notice.intent} layout="multiline" politeness={notice.intent === "error" ? "assertive" : "polite"}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.body}
        {notice.detail && <span className={styles.detail}>{notice.detail}</span>}
        {children}
      </MessageBarBody>
      {(notice.action || onDismiss) && (
        <MessageBarActions
          containerAction={
            onDismiss ? (
              <Button appearance="transparent" size="small" aria-label={t.errors.dismiss} onClick={onDismiss}>
                ×
              </Button>
            ) : undefined
          }
        >
          {notice.action && (
            <Button size="small" onClick={notice.action.onClick}>
              {notice.action.label}
            </Button>
          )}
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
