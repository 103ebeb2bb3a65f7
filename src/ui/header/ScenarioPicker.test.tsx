// The scenario picker: a combobox naming the scenario loaded, over a listbox with every built-in's
// whole title and summary, and a line of its own for a file's or a link's scenario.
import { describe, expect, it } from 'vitest';
import { builtinCatalogue as builtinScenarios } from '../../scenarios/catalogue';
import { renderWithStore } from '../test-render';
import { ScenarioPicker } from './ScenarioPicker';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('ScenarioPicker', () => {
  it('names the loaded built-in and lists every title with its summary', () => {
    const first = builtinScenarios[0];
    if (!first) throw new Error('no built-ins');
    const { html } = renderWithStore(<ScenarioPicker scenarios={builtinScenarios} />, {
      scenarioId: first.id,
      status: 'ready',
    });
    expect(html).toMatch(/<button[^>]*role="combobox"[^>]*aria-haspopup="listbox"[^>]*aria-expanded="false"/);
    expect(html).toContain(`data-value="${first.id}"`);
    expect(html).toContain(`title="${escape(first.title)}"`);
    expect(html).toMatch(/<ul[^>]*role="listbox"[^>]*hidden=""/);
    for (const s of builtinScenarios) {
      expect(html).toContain(`<span class="scenario-option-title">${escape(s.title)}</span>`);
      expect(html).toContain(`<span class="scenario-option-summary">${escape(s.summary)}</span>`);
    }
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
    expect(html).not.toContain('scenario-option own');
  });

  it("names a file's own scenario instead of pretending a built-in is loaded", () => {
    const { html } = renderWithStore(<ScenarioPicker scenarios={builtinScenarios} />, {
      scenarioId: '',
      scenarioName: 'My own cluster',
      status: 'ready',
    });
    expect(html).toContain('<span class="scenario-picker-value">My own cluster</span>');
    expect(html).toContain('scenario-option own');
    // Only its own line is selected: no built-in is.
    expect(html.match(/aria-selected="true"/g)).toHaveLength(1);
  });
});
