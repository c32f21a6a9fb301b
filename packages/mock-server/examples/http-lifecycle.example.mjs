// A request's whole life over real HTTP, with the SDK, against a running reference server:
// submit → active → revoke → revoked. It starts nothing: point it at a server with
//   npx access-requests-mock --port 0        (prints "Reference server: <base URL>/v1 (…)")
//   ACCESS_REQUESTS_URL=<base URL> node http-lifecycle.example.mjs
// Exits 0 when the request went through every step, 1 (saying where it stopped) otherwise.
import { createAccessClient } from '@access-requests/sdk';

const baseUrl = process.env.ACCESS_REQUESTS_URL;
if (!baseUrl) {
  console.error("Set ACCESS_REQUESTS_URL to the reference server's base URL, such as http://127.0.0.1:4010.");
  process.exit(2);
}

/** Moves the server's simulated clock, so that provisioning (5 simulated seconds) needs no real wait. */
async function advanceClock(seconds) {
  const response = await fetch(`${baseUrl}/_control/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seconds }),
  });
  if (!response.ok) throw new Error(`The control API answered ${response.status}: ${await response.text()}`);
}

const alice = createAccessClient({ baseUrl, token: 'demo-alice' });
try {
  // Staging resources fall under an automatic flow: no approver, so granting → active on its own.
  const [request] = await alice.submit({
    resources: [{ resource_id: 'res_staging_payments_db', permission_id: 'perm_pg_readonly' }],
    duration_hours: 1,
  });
  console.log(`submitted ${request.id}: ${request.status}`);

  const active = alice.waitFor(request.id, 'active', { timeout: 30_000 });
  await advanceClock(5);
  console.log(`active until ${(await active).expires_at}`);

  const revoking = await alice.revoke(request.id);
  console.log(`revoke: ${revoking.status}`);
  const revoked = alice.waitFor(request.id, 'revoked', { timeout: 30_000 });
  await advanceClock(5);
  console.log(`revoked (${(await revoked).revocation_reason})`);
} catch (error) {
  console.error(`The lifecycle stopped: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
