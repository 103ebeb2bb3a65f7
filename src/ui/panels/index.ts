// The panels' public face for App.tsx: the header controls, the timeline, the side panel, the
// context menu, shortcuts, notices, and the Markdown renderer of scenario explanations.
import './panels.css';

export { ContextMenu } from './ContextMenu';
export { Markdown } from './Markdown';
export { MasterPage } from './MasterPage';
export { Notices } from './Notices';
export { ShortcutsOverlay } from './ShortcutsOverlay';
export { SidePanel } from './SidePanel';
export { MessageToggles, ThemeSwitch, TimeControls, useAppliedTheme } from './TimeControls';
export { Timeline } from './Timeline';
export { useShortcuts } from './useShortcuts';
