/** DI token of the `SessionStore` implementation. */
export const SESSION_STORE = Symbol('GAME:SESSION_STORE');
/** DI token of the `DedupWindow` implementation. */
export const DEDUP_WINDOW = Symbol('GAME:DEDUP_WINDOW');
/** DI token of the `ResumeKeys` implementation. */
export const RESUME_KEYS = Symbol('GAME:RESUME_KEYS');
