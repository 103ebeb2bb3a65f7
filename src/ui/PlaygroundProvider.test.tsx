// Components find the store and the controller through PlaygroundProvider only.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useController, usePlayground } from './PlaygroundProvider';
import { renderWithStore } from './test-render';

function Clock() {
  const time = usePlayground((s) => s.time);
  const controller = useController();
  return <span data-has-controller={typeof controller.seek === 'function'}>{time}</span>;
}

describe('PlaygroundProvider', () => {
  it("gives components the provided store's state and the controller", () => {
    expect(renderWithStore(<Clock />, { time: 4200 }).html).toBe('<span data-has-controller="true">4200</span>');
  });

  it('says so when a component is rendered outside it', () => {
    expect(() => renderToStaticMarkup(<Clock />)).toThrow('This component renders only inside a PlaygroundProvider.');
  });
});
