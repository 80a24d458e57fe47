import { beforeEach, expect } from 'vitest';

// A browser test that only waits passes when nothing is checked: each one must make at least one assertion.
beforeEach(() => {
  expect.hasAssertions();
});
