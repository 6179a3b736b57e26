/*
 * The settings of an origin source, as the policy reference documents them: shared by the linter
 * (authoring) and the shape check of compiled data (runtime), so the two ranges cannot drift apart.
 */

/** Seconds a listed set or a cached lookup answer stays in force, unless the policy says otherwise. */
export const SOURCE_REFRESH_DEFAULT = 60;
export const SOURCE_REFRESH_MAX = 86400;
/** Milliseconds of the longest wait on one provider call, unless the policy says otherwise. */
export const SOURCE_TIMEOUT_DEFAULT = 200;
export const SOURCE_TIMEOUT_MIN = 10;
export const SOURCE_TIMEOUT_MAX = 5000;
