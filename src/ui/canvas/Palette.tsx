// The worker palette: size presets (editable) to drag onto the canvas or add with a button. The
// values are checked as Spark checks them before anything is sent, with Spark's own words.
import { useId, useState } from 'react';
import type { DragEvent } from 'react';
import { useController, usePlayground, usePlaygroundStore } from '../PlaygroundProvider';
import { addWorker } from './add-worker';
import { ServerIcon } from './icons';
import { loadMemoryCheck, useMemoryCheck } from './use-memory-check';
import {
  accessibleAddLabel,
  checkPreset,
  encodeDragPayload,
  memoryError,
  parseCores,
  WORKER_DRAG_TYPE,
  type MemoryCheck,
  WORKER_PRESETS,
  type WorkerPreset,
} from './worker-presets';
import './canvas.css';

function PresetCard({ index, initial, disabled }: { index: number; initial: WorkerPreset; disabled: boolean }) {
  const controller = useController();
  const store = usePlaygroundStore();
  const [cores, setCores] = useState(String(initial.cores));
  const [memory, setMemory] = useState(initial.memory);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const coresCheck = parseCores(cores);
  const coresError = coresCheck.ok ? undefined : coresCheck.error;
  // The preset's own memory is valid as shipped; an edited one waits for Spark's check.
  const edited = memory !== initial.memory;
  const memory_ = useMemoryCheck(memory, edited);
  const check: MemoryCheck | null = edited ? memory_.check : () => undefined;
  const memError = memory_.error
    ? `Spark's memory check could not be loaded (${memory_.error}). Check the connection and edit the value again.`
    : memoryError(memory, check);
  const checked = checkPreset(cores, memory, check);
  const valid = checked.ok;
  const summary = valid
    ? `${checked.preset.cores} cores · ${checked.preset.memory}`
    : checked.error === null && !memError
      ? 'checking the memory…'
      : 'fix the values below';

  const onDragStart = (e: DragEvent<HTMLDivElement>) => {
    if (!checked.ok || disabled) {
      e.preventDefault();
      return;
    }
    e.dataTransfer.setData(WORKER_DRAG_TYPE, encodeDragPayload(checked.preset));
    e.dataTransfer.effectAllowed = 'copy';
  };

  const add = async () => {
    if (!checked.ok) return;
    setBusy(true);
    try {
      await addWorker(controller, store, checked.preset);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="palette-preset">
      <div
        className={`palette-handle${valid && !disabled ? '' : ' palette-handle--off'}`}
        data-testid={`palette-preset-${index}`}
        draggable={valid && !disabled}
        onDragStart={onDragStart}
        title={valid ? 'Drag onto the canvas to add this worker there' : undefined}
      >
        <span className="palette-grip" aria-hidden="true">
          ⠿
        </span>
        <ServerIcon />
        <span className="palette-summary">
          <span className="palette-name">Worker</span>
          <span className="palette-size">{summary}</span>
        </span>
      </div>
      <label className="palette-field" htmlFor={`${id}-cores`}>
        Cores
      </label>
      <input
        id={`${id}-cores`}
        className="palette-input"
        inputMode="numeric"
        value={cores}
        aria-invalid={coresError !== undefined}
        aria-describedby={coresError ? `${id}-cores-error` : undefined}
        onChange={(e) => setCores(e.target.value)}
        data-testid={`palette-cores-${index}`}
      />
      {coresError && (
        <p className="palette-error" id={`${id}-cores-error`}>
          {coresError}
        </p>
      )}
      <label className="palette-field" htmlFor={`${id}-memory`}>
        Memory
      </label>
      <input
        id={`${id}-memory`}
        className="palette-input"
        value={memory}
        spellCheck={false}
        aria-invalid={memError !== undefined}
        aria-describedby={memError ? `${id}-memory-error` : undefined}
        onChange={(e) => setMemory(e.target.value)}
        onFocus={() => void loadMemoryCheck().catch(() => undefined)}
        data-testid={`palette-memory-${index}`}
      />
      {memError && (
        <p className="palette-error" id={`${id}-memory-error`}>
          {memError}
        </p>
      )}
      <button
        type="button"
        className="palette-add"
        data-testid={`palette-add-${index}`}
        disabled={!valid || busy || disabled}
        aria-label={checked.ok ? accessibleAddLabel(checked.preset) : 'Add worker (fix the values first)'}
        onClick={() => void add()}
      >
        Add
      </button>
    </li>
  );
}

export function Palette() {
  // Adding needs a running simulation: nothing to add to while loading or after a bad scenario.
  const ready = usePlayground((s) => s.status === 'ready');
  return (
    <aside className="palette" data-testid="palette" aria-labelledby="palette-title">
      <h2 id="palette-title" className="palette-title">
        Add workers
      </h2>
      <p className="palette-hint">Drag onto the canvas, or press Add.</p>
      <ul className="palette-list">
        {WORKER_PRESETS.map((p, i) => (
          <PresetCard key={i} index={i} initial={p} disabled={!ready} />
        ))}
      </ul>
    </aside>
  );
}
