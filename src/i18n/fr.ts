import type { MessageKey } from './en';
import { en } from './en';

// Placeholder until translated.
export const fr: Record<MessageKey, string> = { ...en };
