/** An IntersectionObserver stand-in for lib/dom/near-view.ts: the test says which observed elements come near. */
export class FakeObserver {
  static last: FakeObserver | null = null;
  readonly targets = new Set<Element>();
  constructor(readonly callback: (entries: { target: Element; isIntersecting: boolean }[]) => void) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.targets.add(el);
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  /** The reader scrolls near these. */
  near(els: Element[]) {
    this.callback(els.filter((el) => this.targets.has(el)).map((target) => ({ target, isIntersecting: true })));
  }
}

/** A window whose IntersectionObserver is FakeObserver. */
export const fakeView = { IntersectionObserver: FakeObserver } as unknown as Window;
