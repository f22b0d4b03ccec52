import { z } from 'zod';
import { DEFAULT_VERDICT_SCALE, VerdictScale } from './annotation';

export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** The settings the UI reads and edits (recent folders and window bounds are kept by main alone). */
export const UserSettings = z.object({
  theme: Theme,
  verdictScale: VerdictScale,
  /** Who signs the reports and ClaimReview entries. */
  author: z.string().max(200),
  organisation: z.string().max(200),
  /** Where published reviews will live; ClaimReview `url`s are built on it. Empty: none. */
  baseUrl: z.union([z.literal(''), z.string().url().max(2048)]),
});
export type UserSettings = z.infer<typeof UserSettings>;

export const DEFAULT_USER_SETTINGS: UserSettings = {
  theme: 'system',
  verdictScale: DEFAULT_VERDICT_SCALE,
  author: '',
  organisation: '',
  baseUrl: '',
};
