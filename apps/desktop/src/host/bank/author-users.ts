import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errorMessage, AuthorUserSchema, CodedError, type AuthorUser } from '@skillexam/shared';
import { z } from 'zod';

/*
 * The workbench's local users (docs/decisions/0550-local-author-users.md): a settings file
 * `authors.json` in the bank folder lists who works on this PC and who is signed in. The id is
 * the actor the bank records (versions, review events); the four-eyes rule compares ids.
 * No passwords: the workbench runs on the writer's own PC, like any desktop editor.
 */

export const AUTHORS_FILE = 'authors.json';

const AuthorsFileSchema = z.object({
  users: z.array(AuthorUserSchema),
  current: z.string().optional(),
});
type AuthorsFile = z.infer<typeof AuthorsFileSchema>;

export class AuthorUsers {
  readonly #path: string;
  #state: AuthorsFile;

  constructor(dir: string) {
    this.#path = join(dir, AUTHORS_FILE);
    this.#state = existsSync(this.#path) ? readAuthors(this.#path) : { users: [] };
  }

  list(): AuthorUser[] {
    return this.#state.users.map((user) => ({ ...user, roles: [...user.roles] }));
  }

  current(): AuthorUser | undefined {
    return this.#state.users.find((user) => user.id === this.#state.current);
  }

  /** Signs `user` in; a new id is added, a known one gets the given name and roles. */
  signIn(user: AuthorUser): AuthorUser {
    const clean = AuthorUserSchema.parse(user);
    const roles = [...new Set(clean.roles)];
    const next = { ...clean, roles };
    const others = this.#state.users.filter((entry) => entry.id !== next.id);
    this.#state = { users: [...others, next], current: next.id };
    this.#save();
    return next;
  }

  #save(): void {
    mkdirSync(dirname(this.#path), { recursive: true });
    const temp = `${this.#path}.tmp`;
    writeFileSync(temp, `${JSON.stringify(this.#state, null, 2)}\n`);
    renameSync(temp, this.#path);
  }
}

function readAuthors(path: string): AuthorsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CodedError(
      'BAD_REQUEST',
      `用户设置文件 ${path} 不是有效的 JSON：${errorMessage(error)}`,
    );
  }
  const parsed = AuthorsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new CodedError('BAD_REQUEST', `用户设置文件 ${path} 格式不正确：${parsed.error.message}`);
  }
  return parsed.data;
}
