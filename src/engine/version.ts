// The engine's behaviour version, alone in a module so the page can read it without bundling the
// engine. Bumped whenever a change alters a trace: share links record it, and a link made by
// another version is opened with a warning that its replay may differ.
export const ENGINE_VERSION = 3;
