import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../shared/api';
import { renderApp } from '../../renderApp';

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
});

const themeGroup = () => screen.getByRole('group', { name: 'Theme' });
const theme = () => document.documentElement.getAttribute('data-theme');

describe('theme toggle', () => {
  it('applies the saved theme at start as data-theme on <html>', async () => {
    renderApp({ settings: { theme: 'dark' } });
    await waitFor(() => expect(theme()).toBe('dark'));
    expect(within(themeGroup()).getByRole('button', { pressed: true }).textContent).toBe('Dark');
  });

  it('switches theme, saves it in the settings, and follows the system with no attribute', async () => {
    const { client } = renderApp();
    await screen.findAllByTestId('source-item');
    expect(theme()).toBeNull();
    fireEvent.click(within(themeGroup()).getByRole('button', { name: 'Light' }));
    await waitFor(() => expect(theme()).toBe('light'));
    expect(client.settings.theme).toBe('light');
    fireEvent.click(within(themeGroup()).getByRole('button', { name: 'Dark' }));
    await waitFor(() => expect(theme()).toBe('dark'));
    fireEvent.click(within(themeGroup()).getByRole('button', { name: 'Auto' }));
    await waitFor(() => expect(theme()).toBeNull());
    expect(client.calls.filter((c) => c.name === 'updateSettings').map((c) => c.args)).toEqual([{ theme: 'light' }, { theme: 'dark' }, { theme: 'system' }]);
  });

  it('keeps the chosen theme for this session when saving it fails, and says so', async () => {
    renderApp({}, (client) => {
      client.fail.updateSettings = new ApiError('io', 'read-only disk');
    });
    await screen.findAllByTestId('source-item');
    fireEvent.click(within(themeGroup()).getByRole('button', { name: 'Dark' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Could not save the theme: read-only disk/);
    expect(theme()).toBe('dark');
  });
});

describe('layout landmarks', () => {
  it('labels the panes as navigation, main and complementary regions', async () => {
    renderApp();
    await screen.findAllByTestId('source-item');
    expect(screen.getByRole('navigation', { name: 'Sources' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Reader' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Details' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'View' })).toBeTruthy();
  });
});
