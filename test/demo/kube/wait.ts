// Wait for something the server does asynchronously (a stream closing, an event arriving), bounded so
// a broken server fails the test instead of hanging it. Not a timing assertion: only "eventually".
export async function waitFor(check: () => boolean, what: string, limitMs = 5000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
