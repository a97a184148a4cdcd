import type { Messages } from './messages.en';

// Stub: until translated, Russian falls back to English key by key (see i18n/index.ts).
// To translate, fill in keys here; the type keeps them in step with the English catalogue.
export const ru: Partial<Messages> = {};
