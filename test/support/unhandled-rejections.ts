/**
 * Collects the process's unhandled rejections for the enclosing `describe` (listening from
 * `beforeAll` to `afterAll`), for a test that asserts the gateway left none behind.
 *
 * @example const rejections = useUnhandledRejections(); … expect(rejections).toEqual([]);
 */
export function useUnhandledRejections(): unknown[] {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => process.on('unhandledRejection', onRejection));
  afterAll(() => process.off('unhandledRejection', onRejection));
  return rejections;
}
