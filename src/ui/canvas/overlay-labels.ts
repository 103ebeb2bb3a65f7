// The message overlay's test hook: after each draw, the boxes of the labels it drew, in CSS px
// relative to the page's viewport, are on window.__sparkOverlayLabels (one array, reused), so a
// browser test can check that no label covers a node's text or another label.

/** A drawn label's box and text. */
export interface OverlayLabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

declare global {
  interface Window {
    /** The message labels of the overlay's last draw. */
    __sparkOverlayLabels?: OverlayLabelBox[];
  }
}
