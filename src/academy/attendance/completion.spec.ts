import { isCompleted } from './completion';

describe('isCompleted', () => {
  it.each([
    [3, 3, 100, true],
    [2, 3, 100, false],
    [2, 3, 66, true],
    [2, 3, 67, false],
    [0, 3, 0, true],
    [1, 1, 100, true],
    [0, 0, 100, false],
    [0, 0, 0, false],
  ])('%i of %i sessions with %i %% required: %s', (attended, scheduled, percent, expected) => {
    expect(isCompleted(attended, scheduled, percent)).toBe(expected);
  });
});
