import { expose } from 'comlink';
import { describe, expect, test } from 'vitest';
import { frameRpc } from './frame-rpc.ts';

/** The frame side is real comlink `expose`, as in the frame; this checks we speak its wire format. */
function connected(api: Record<string, (...args: never[]) => unknown>) {
  const { port1, port2 } = new MessageChannel();
  expose(api, port1);
  return frameRpc(port2);
}

describe('frameRpc', () => {
  test('calls a method with its arguments and resolves with the answer', async () => {
    const seen: unknown[] = [];
    const call = connected({
      update: async (options: never) => {
        seen.push(options);
      },
      submit: async () => ({ tokenId: 'tok_1' }),
    });
    await expect(call('update', { disabled: true })).resolves.toBeUndefined();
    await expect(call('submit')).resolves.toEqual({ tokenId: 'tok_1' });
    expect(seen).toEqual([{ disabled: true }]);
  });

  test('concurrent calls get their own answers', async () => {
    let n = 0;
    const call = connected({ submit: async () => ({ tokenId: `tok_${++n}` }) });
    const answers = await Promise.all([call('submit'), call('submit'), call('submit')]);
    expect(answers.map((a) => a.tokenId).sort()).toEqual(['tok_1', 'tok_2', 'tok_3']);
  });

  test("rejects with the plain data the frame throws, and with an Error's message data for thrown Errors", async () => {
    const call = connected({
      submit: async () => {
        throw { code: 'BUSY', message: 'busy' };
      },
      clear: () => {
        throw new RangeError('broken');
      },
    });
    await expect(call('submit')).rejects.toEqual({ code: 'BUSY', message: 'busy' });
    const error = await call('clear').catch((reason: unknown) => reason);
    expect(error).toMatchObject({ message: 'broken', name: 'RangeError' });
  });
});
