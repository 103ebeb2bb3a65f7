// The scenario picker: a select-only combobox (the WAI-ARIA pattern) whose list shows each
// built-in's whole title and its one-line summary, which a native select cannot (it cuts titles
// at its own width and has no second line). The focus stays on the combobox; the list's active
// option is its aria-activedescendant. Keys: arrows, Home/End, Page Up/Down, Enter or Space to
// choose, Escape to close, letters to jump to a title (type-ahead).
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { type BuiltinEntry, prefetchBuiltins } from '../../scenarios/catalogue';
import { useController, usePlayground } from '../PlaygroundProvider';
import { rovingIndex, typeAheadIndex } from '../popover/roving';
import { usePopover } from '../popover/use-popover';
import './header.css';

/** How long typed letters add up to one word for type-ahead, in ms. */
const TYPE_AHEAD_MS = 600;

export function ScenarioPicker({ scenarios }: { scenarios: readonly BuiltinEntry[] }) {
  const controller = useController();
  const scenarioId = usePlayground((s) => s.scenarioId);
  const name = usePlayground((s) => s.scenarioName);
  // A file's or a link's own scenario is none of the built-ins: the picker names it rather than
  // showing the first built-in as if it were loaded.
  const ready = usePlayground((s) => s.status === 'ready');
  const current = scenarios.findIndex((s) => s.id === scenarioId);
  const own = ready && current < 0;
  const label = current >= 0 ? (scenarios[current]?.title ?? '') : own ? name || 'Own scenario' : '';

  const { open, setOpen, close, root, trigger, popup, onBlur } = usePopover<HTMLUListElement>();
  const [active, setActive] = useState(-1);
  const typed = useRef({ text: '', at: 0 });
  const baseId = useId();
  const labelId = `${baseId}-label`;
  const optionId = (i: number) => `${baseId}-opt-${i}`;

  useEffect(() => {
    if (!open || active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  });

  const openAt = (i: number) => {
    setActive(i);
    setOpen(true);
    // The other built-ins' documents are a chunk of their own: fetched while the user chooses.
    prefetchBuiltins();
  };
  const choose = (i: number) => {
    const next = scenarios[i];
    close(true);
    if (next && next.id !== scenarioId) void controller.loadBuiltin(next.id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      openAt(Math.max(current, 0));
      return;
    }
    const move = rovingIndex(e.key, open ? active : current, scenarios.length);
    if (move !== null) {
      e.preventDefault();
      if (open) setActive(move);
      else openAt(e.key === 'ArrowDown' || e.key === 'ArrowUp' ? Math.max(current, 0) : move);
      return;
    }
    // Space chooses, unless it is part of a title being typed ("Client mode").
    const typing = typed.current.text !== '' && e.timeStamp - typed.current.at < TYPE_AHEAD_MS;
    if (e.key === 'Enter' || (e.key === ' ' && !typing)) {
      e.preventDefault();
      if (open && active >= 0) choose(active);
      else openAt(Math.max(current, 0));
      return;
    }
    if (e.key === 'Tab' && open) {
      close(false);
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      const now = e.timeStamp;
      const text = now - typed.current.at < TYPE_AHEAD_MS ? typed.current.text + e.key : e.key;
      typed.current = { text, at: now };
      const from = open ? active : current;
      const hit = typeAheadIndex(
        scenarios.map((s) => s.title),
        text,
        from,
      );
      if (hit >= 0) openAt(hit);
    }
  };

  return (
    <div className="scenario-picker" ref={root} onBlur={onBlur}>
      <span id={labelId} className="scenario-picker-label">
        Scenario
      </span>
      <button
        ref={trigger}
        type="button"
        role="combobox"
        className="scenario-picker-button"
        data-testid="scenario-select"
        data-value={scenarioId}
        aria-labelledby={labelId}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={`${baseId}-list`}
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        title={label}
        onClick={() => (open ? close(false) : openAt(Math.max(current, 0)))}
        onKeyDown={onKeyDown}
      >
        <span className="scenario-picker-value">{label || 'Loading…'}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul
        ref={popup}
        id={`${baseId}-list`}
        role="listbox"
        aria-labelledby={labelId}
        className="scenario-list"
        data-testid="scenario-list"
        hidden={!open}
      >
        {own && (
          <li role="option" aria-selected="true" aria-disabled="true" className="scenario-option own">
            <span className="scenario-option-title">{label}</span>
            <span className="scenario-option-summary">Opened from a file or a link: none of the built-ins.</span>
          </li>
        )}
        {scenarios.map((s, i) => (
          <li
            key={s.id}
            id={optionId(i)}
            role="option"
            aria-selected={s.id === scenarioId}
            className={i === active ? 'scenario-option active' : 'scenario-option'}
            data-testid="scenario-option"
            data-value={s.id}
            // The focus stays on the combobox: a press here must not take it.
            onPointerDown={(e) => e.preventDefault()}
            onPointerMove={() => setActive(i)}
            onClick={() => choose(i)}
          >
            <span className="scenario-option-title">{s.title}</span>
            <span className="scenario-option-summary">{s.summary}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
