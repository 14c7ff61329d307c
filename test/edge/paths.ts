// Paths the test origin (test/edge/origin/, Node) serves, shared with the tests running in workerd.

/** The seed fixture article's path: its page comes in `?v=` variants. */
export const SEED_PATH = '/english/articles/20180614/p2a/00m/0na/010000c';
/** The Japanese fixture article's path: its pages come in Shift_JIS. */
export const JA_PATH = '/english/articles/20260320/p2a/00m/0na/011000c';
/** Pages of articles the store does not hold, one per extraction case. */
export const X = (n: number) => `/english/articles/20990101/p2a/00m/0na/9${String(n).padStart(2, '0')}000c`;
/** Two article paths with one slug (`/` and `-` both become `-`). */
export const SAME_SLUG_A = '/english/articles/20990120/sur/a-b';
export const SAME_SLUG_B = '/english/articles/20990120/sur/a/b';
