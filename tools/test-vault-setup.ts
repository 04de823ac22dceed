import type { TestProject } from 'vitest/node';
import { startTestVault, vaultEnv } from './test-vault.ts';

/** globalSetup of the projects tested against the real vault (see vault-browser-project.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = Number(project.config.api.port);
  const vault = await startTestVault(`http://localhost:${port}`);
  process.env[vaultEnv(port)] = `${vault.url} ${vault.apiKey}`;
  return vault.stop;
}
