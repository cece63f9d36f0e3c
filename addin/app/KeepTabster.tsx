import { useFocusFinders } from "@fluentui/react-components";

/**
 * Holds one tabster instance (Fluent's focus manager) for the pane's whole life, as Fluent expects of
 * an app. Fluent's hooks share a reference-counted instance and dispose it when the last user unmounts:
 * with no other user on the first screen, closing the send dialog disposed it half-way through
 * restoring the page behind the modal, which stayed aria-hidden (tabs and buttons gone for screen
 * readers and tests). Loaded after the first screen (App renders it lazily): tabster is not part of
 * the first screen's code (issue 13 item 1).
 */
export default function KeepTabster() {
  useFocusFinders();
  return null;
}
