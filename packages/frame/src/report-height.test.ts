import { afterEach, describe, expect, test, vi } from 'vitest';
import { reportHeight } from './report-height.ts';

afterEach(() => document.body.replaceChildren());

describe('reportHeight', () => {
  test('reports the height when it changes, rounded up, and stops when told', async () => {
    const box = document.createElement('div');
    box.style.height = '40.2px';
    document.body.append(box);
    const heights: number[] = [];
    const stop = reportHeight(box, (height) => heights.push(height));
    await vi.waitFor(() => expect(heights).toEqual([41]));
    box.style.height = '120px';
    await vi.waitFor(() => expect(heights).toEqual([41, 120]));
    stop();
    box.style.height = '10px';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heights).toEqual([41, 120]);
  });
});
