// The window timing itself (`talentdesk --bench OUT`, driven by `talentdesk-cli bench app`).

/**
 * Resolves once the browser has rendered the current state: a task queued from an animation
 * frame callback runs after that frame's style, layout and paint. (Two animation frames would
 * add a whole frame that has nothing to do with the page.)
 */
export function painted(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}
