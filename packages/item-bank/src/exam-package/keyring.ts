import { z } from 'zod';
import { WrappedKeySchema } from './key-wrap';

/** keyring.json: the content key and the answer-key key, each wrapped for the site server. */
export const KeyringSchema = z.strictObject({
  algorithm: z.literal('X25519-HKDF-SHA256-A256GCM'),
  recipientKeyId: z.string().regex(/^[0-9a-f]{16}$/),
  contentKey: WrappedKeySchema,
  answerKey: WrappedKeySchema,
});
export type Keyring = z.infer<typeof KeyringSchema>;

export const CONTENT_KEY_PURPOSE = 'content';
export const ANSWER_KEY_PURPOSE = 'answer-keys';
