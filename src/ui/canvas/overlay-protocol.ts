// What the page's thread and the overlay's worker (overlay-worker.ts) say to each other. The page
// keeps what only it can read (React Flow's node boxes, the theme's colours, the toggles, the
// flights as frames bring them) and posts it when it changes; the worker draws on its own thread
// and answers with the boxes of the labels it drew.
import type { MessageView, PartitionView } from '../../engine/public';
import type { Colours } from './overlay-painter';
import type { OverlayLabelBox } from './overlay-labels';
import type { FlightFilter } from './overlay-geometry';
import type { XY } from './layout';

/** A frame's flights, in the order the page's board took them (flights.ts, addFlights). */
export interface FlightBatch {
  messages: readonly MessageView[];
  drops: readonly { id: number; reason: string }[];
  full: boolean;
}

export type ToOverlayWorker =
  | { type: 'init'; canvas: OffscreenCanvas }
  | { type: 'size'; width: number; height: number; ratio: number }
  /** Every node's box on screen: ids (only when they changed) and x, y, width, height per node. */
  | { type: 'nodes'; ids: readonly string[] | null; boxes: Float64Array }
  | {
      type: 'scene';
      zoom: number;
      colours: Colours;
      reduced: boolean;
      partitions: readonly PartitionView[];
      filter: FlightFilter;
      origin: XY;
    }
  /** New flights since the last post, and the board's clock. */
  | { type: 'flights'; batches: readonly FlightBatch[]; time: number };

export type FromOverlayWorker = { type: 'labels'; labels: OverlayLabelBox[] };
