// The message toggles: one button per toggled kind, named with the kind's label from colors.ts,
// and one for the replies to asks, each pressed as the store says.
import { describe, expect, it } from 'vitest';
import { MESSAGE_KIND_LABELS } from '../colors';
import { renderWithStore } from '../test-render';
import { MessageToggles } from './MessageToggles';

const button = (html: string, testId: string): string =>
  new RegExp(`<button [^>]*data-testid="${testId}"[^>]*>.*?</button>`).exec(html)?.[0] ?? '';

describe('MessageToggles', () => {
  it('names each toggle with its kind label and shows its colour', () => {
    const { html } = renderWithStore(<MessageToggles />);
    expect(html).toMatch(/^<div class="toggle-group" role="group" aria-label="Messages shown on the canvas">/);
    const heartbeats = button(html, 'toggle-heartbeats');
    expect(heartbeats).toContain(`</span>${MESSAGE_KIND_LABELS.heartbeat}</button>`);
    expect(heartbeats).toContain('background:var(--msg-heartbeat)');
    expect(heartbeats).toContain('aria-keyshortcuts="H"');
    expect(heartbeats).toContain('title="Show heartbeat messages (H)"');
    const tasks = button(html, 'toggle-tasks');
    expect(tasks).toContain(`</span>${MESSAGE_KIND_LABELS.task}</button>`);
    expect(tasks).toContain('background:var(--msg-task)');
    expect(tasks).toContain('title="Show task messages (T)"');
  });

  it('has a Replies toggle, on by default, with its key', () => {
    const { html } = renderWithStore(<MessageToggles />);
    const replies = button(html, 'toggle-replies');
    expect(replies).toContain('<span aria-hidden="true">↩</span>Replies</button>');
    expect(replies).toContain('aria-keyshortcuts="R"');
    expect(replies).toContain('aria-pressed="true"');
    expect(replies).toContain('title="Show the replies to asks, such as ↩ ExecutorStateChanged: true (R)"');
  });

  it('is pressed when the store shows the kind', () => {
    const { html } = renderWithStore(<MessageToggles />, {
      showHeartbeats: false,
      showTasks: true,
      showReplies: false,
    });
    expect(button(html, 'toggle-heartbeats')).toContain('aria-pressed="false"');
    expect(button(html, 'toggle-tasks')).toContain('aria-pressed="true"');
    expect(button(html, 'toggle-replies')).toContain('aria-pressed="false"');
  });
});
