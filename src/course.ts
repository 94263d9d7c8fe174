/**
 * The course outline: the one list of parts and chapters. The sidebar
 * (observablehq.config.ts) and the course map on the home page are both made
 * from it; a chapter appears in them once its page `src/<path>.md` exists.
 */
export interface Chapter {
  /** The page's path under src/, without `.md`; also its URL. */
  readonly path: string;
  readonly title: string;
  /** What a reader can do after the chapter, for the course map. */
  readonly outcome: string;
}

export interface Part {
  readonly name: string;
  readonly chapters: readonly Chapter[];
}

export const COURSE: readonly Part[] = [
  {
    name: "Part I — Gradient descent",
    chapters: [
      { path: "gradient-descent", title: "1. Gradient descent", outcome: "derive the update from a Taylor expansion, see it as Euler's method on the gradient flow, and say when it converges." },
      { path: "learning-rate", title: "2. Choosing the learning rate", outcome: "predict from the curvature which learning rates crawl or diverge, and tune one by line search, grid or random search." },
      { path: "schedules", title: "3. Learning-rate schedules", outcome: "write time-based, step and exponential decay, and check a schedule against the Robbins–Monro conditions." },
      { path: "minibatch", title: "4. Batch, stochastic and minibatch", outcome: "train a model on real data with the generic training loop and choose a batch size by measuring loss against time." },
    ],
  },
  {
    name: "Part II — Momentum",
    chapters: [
      { path: "ewa", title: "5. Exponentially weighted averages", outcome: "compute a leaky average, its effective window, and correct its bias toward zero." },
      { path: "momentum", title: "6. Momentum", outcome: "explain why momentum crosses ravines, and pick β and η from a quadratic's condition number." },
      { path: "nesterov", title: "7. Nesterov accelerated gradient", outcome: "derive the look-ahead update and prove it equals the form frameworks implement." },
    ],
  },
  {
    name: "Part III — Adaptive learning rates",
    chapters: [
      { path: "adagrad", title: "8. Adagrad", outcome: "give each parameter its own learning rate, and see why it helps sparse features and then stalls." },
      { path: "rmsprop-adadelta", title: "9. RMSprop and Adadelta", outcome: "replace Adagrad's sum by a leaky average, and derive Adadelta's unit-correct step without a learning rate." },
      { path: "adam", title: "10. Adam and its family", outcome: "derive Adam's bias-corrected moments, and know when AdaMax, Nadam or AMSGrad are the better choice." },
    ],
  },
  {
    name: "Part IV — In practice",
    chapters: [
      { path: "arena", title: "11. The arena", outcome: "race every optimizer on the classic surfaces, tune them fairly, and share the race as a link." },
      { path: "choosing", title: "12. Choosing an optimizer", outcome: "choose an optimizer for a problem from a measured comparison, not folklore." },
      { path: "strategies", title: "13. More strategies", outcome: "use shuffling, curricula, batch normalization, early stopping and gradient noise, and know what each buys." },
      { path: "parallel", title: "14. Parallel and distributed SGD", outcome: "reason about Hogwild!, Downpour and stale gradients from simulations." },
    ],
  },
  {
    name: "Workshop",
    chapters: [
      { path: "playground", title: "Playground", outcome: "write your own optimizer in the page and race it against the library's." },
      { path: "exercises", title: "Coding exercises", outcome: "implement each chapter's update rule yourself, checked in the page against the library." },
      { path: "reference", title: "Optimizer reference", outcome: "look up every optimizer's update rule, defaults and torch.optim equivalent." },
      { path: "instructors", title: "For instructors", outcome: "assign chapters as coursework, generate a student edition and grade submissions." },
    ],
  },
];
