// The scenario picker is a combobox with a list of its own (not a native select): these helpers
// choose a built-in through it as a user would, and read which one is loaded.
import { expect, type Page } from '@playwright/test';

/** Opens the picker and chooses the built-in `id`. */
export async function chooseScenario(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Scenario' }).click();
  await page.locator(`[data-testid="scenario-option"][data-value="${id}"]`).click();
}

/** Waits until the picker names the built-in `id` as the one loaded. */
export async function expectScenario(page: Page, id: string): Promise<void> {
  await expect(page.getByTestId('scenario-select')).toHaveAttribute('data-value', id);
}

/** The ids of the built-ins the picker lists, in its order. */
export async function scenarioIds(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="scenario-option"]')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.value ?? ''));
}
