import { expect, type Locator, type Page } from '@playwright/test';

/** What a person sees and does, by screen; tests wait on these signals, never on time. */
export class ShotdeskPages {
  constructor(readonly page: Page) {}

  async openLocalStudio(): Promise<void> {
    await expect(this.page.getByTestId('welcome')).toBeVisible();
    await this.page.getByTestId('open-local-studio').click();
    await expect(this.page.getByTestId('login')).toBeVisible({ timeout: 90_000 });
  }

  async connect(url: string): Promise<void> {
    await this.page.getByTestId('server-url').fill(url);
    await this.page.getByTestId('connect-server').click();
  }

  async logIn(password: string, identifier?: string): Promise<void> {
    if (identifier !== undefined) await this.page.getByTestId('login-identifier').fill(identifier);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  loginError() {
    return this.page.getByTestId('login-error');
  }

  todoRows() {
    return this.page.getByTestId('todo-row');
  }

  todoRow(taskId: string): Locator {
    return this.page.locator(`[data-testid="todo-row"][data-task-id="${taskId}"]`);
  }

  /** The task of the first row of the list in that status (its short name, e.g. `wip`). */
  async firstTaskWithStatus(shortName: string): Promise<string> {
    const status = this.page.getByTestId('todo-status').getByText(shortName, { exact: true });
    const row = this.todoRows().filter({ has: status }).first();
    return (await row.getAttribute('data-task-id'))!;
  }

  async taskCount(): Promise<number> {
    return Number(await this.page.getByTestId('todo-list').getAttribute('data-count'));
  }

  /** A PNG of the page, with the pointer moved away unless what it hovers is the subject. */
  async shot(name: string, options: { keepPointer?: boolean } = {}): Promise<void> {
    const dir = process.env.SHOTDESK_SHOTS_DIR;
    if (!dir) return;
    if (!options.keepPointer) await this.page.mouse.move(0, 0);
    await this.page.screenshot({ path: `${dir}/${name}.png` });
  }
}
