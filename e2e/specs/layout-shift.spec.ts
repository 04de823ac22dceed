import { expect, test } from '../fixtures/engine-test.ts';
import { probeMount } from '../fixtures/mount-probe.ts';
import { createSession } from '../fixtures/vault-api.ts';
import { sites } from '../sites.ts';

// Mounting the card form moves nothing on the merchant's page (issue 9 §2). Before, the iframe
// appeared at the 150 px iframe default and shrank to the form at `ready`, so the Pay button jumped.
for (const name of [false, true]) {
  test(`mounting moves nothing below the card${name ? ' (with the name row)' : ''}: CLS 0, the Pay button never moves`, async ({ tab, engine }) => {
    const session = await createSession(sites.vault.local);
    const probe = await probeMount(tab, sites.harness.origin, { vault: sites.vault.origin, session, ...(name ? { name: '1' } : {}) });
    expect(probe.outcome).toMatchObject({ ready: true });
    // One top from before the iframe existed to a second after ready: the button never moved.
    expect(probe.payTops).toHaveLength(1);
    expect(probe.frameHeight).toBe(name ? 178 : 119);
    if (engine === 'chromium') {
      expect(probe.layoutShift).toBe(0);
      expect(probe.shifts).toEqual([]);
    }
  });
}
