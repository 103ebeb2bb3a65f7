// Subscriptions to one field of the page's store, for components that number in the hundreds (a
// node per machine). usePlayground(selector) subscribes each component to every change of the
// store, so each frame ran every node's selector: on 500 workers, 1,000 selectors per store update
// (React's useSyncExternalStore checking each snapshot), a millisecond of the page's main thread
// per frame (`npm run bench -- ui`, CPU profile). Here one store listener per store and field looks
// at what changed and calls only the components concerned: a node's own view when it is replaced,
// and the selection's readers when the selection changes.
import type { NodeView } from '../engine/public';
import type { Playground, PlaygroundStore } from './store';

type Listener = () => void;

interface Fields {
  /** Per node id: the components that show that node. */
  nodes: Map<string, Set<Listener>>;
  /** Components that read the selection. */
  selection: Set<Listener>;
}

const registries = new WeakMap<PlaygroundStore, Fields>();

function fieldsOf(store: PlaygroundStore): Fields {
  let f = registries.get(store);
  if (f) return f;
  const fields: Fields = { nodes: new Map(), selection: new Set() };
  store.subscribe((s: Playground, prev: Playground) => {
    if (s.nodes !== prev.nodes) {
      for (const [id, listeners] of fields.nodes) {
        if (s.nodes[id] !== prev.nodes[id]) for (const l of listeners) l();
      }
    }
    if (s.selection !== prev.selection) for (const l of fields.selection) l();
  });
  registries.set(store, fields);
  f = fields;
  return f;
}

/** Subscribes `listener` to changes of node `id`'s view; returns the unsubscribe. */
export function subscribeNode(store: PlaygroundStore, id: string, listener: Listener): () => void {
  const { nodes } = fieldsOf(store);
  let set = nodes.get(id);
  if (!set) {
    set = new Set();
    nodes.set(id, set);
  }
  set.add(listener);
  return () => {
    const s = nodes.get(id);
    if (!s) return;
    s.delete(listener);
    if (s.size === 0) nodes.delete(id);
  };
}

/** Subscribes `listener` to changes of the selection; returns the unsubscribe. */
export function subscribeSelection(store: PlaygroundStore, listener: Listener): () => void {
  const { selection } = fieldsOf(store);
  selection.add(listener);
  return () => {
    selection.delete(listener);
  };
}

/** Node `id`'s view as the store holds it now. */
export function nodeOf(store: PlaygroundStore, id: string): NodeView | undefined {
  return store.getState().nodes[id];
}
