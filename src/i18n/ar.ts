import type { MessageKey } from './en';
import { en } from './en';

// Placeholder until translated.
export const ar: Record<MessageKey, string> = { ...en };
