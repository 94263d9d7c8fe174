#!/usr/bin/env python3
"""
Reference trajectories from torch.optim, in float64, for test/optimizers/torch-parity.test.ts.

Run with Debian's torch (python3-torch 1.13):  /usr/bin/python3 scripts/torch-reference.py
Writes test/fixtures/torch-optim.json. The tests never need torch.

Problems (the tests recompute the gradients in JavaScript with the same
operations in the same order, so a gradient at the same point is bit-identical):
  - "quadratic": dim 4, g_i = a_i * x_i + b_i * c(t, i), with a = [1, 0.1, 4, 0.5],
    b = [0.5, 1, 0.2, 2], c(t, i) = (((7 * t + 3 * i) % 11) - 5) / 5 (exact in
    binary), and g_3 = 0 exactly when t % 5 == 0 (exercises Rprop's sign-0 case).
  - "rosenbrock": f = (1 - x)^2 + 100 (y - x^2)^2 from (-1.2, 1).

NAdam: Debian's torch 1.13 computes mu_product_next = mu_product * mu * mu_next,
a bug fixed in torch 2.0 (pytorch/pytorch#92699, now mu_product * mu_next).
So NAdam trajectories here come from `nadam_torch2`, a float64 reimplementation
of torch 2.x's _single_tensor_nadam with torch tensor operations. To show the
reimplementation is faithful apart from the fix, the script first runs it with
the 1.13 formula and checks that it reproduces torch 1.13's NAdam bit for bit.

Schedules: torch has no per-step lr function; the script sets group["lr"] to
the schedule's value before each step, which is what a schedule means here.
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)

A = [1.0, 0.1, 4.0, 0.5]
B = [0.5, 1.0, 0.2, 2.0]


def quadratic_grad(x, t):
    g = []
    for i in range(4):
        c = (((7 * t + 3 * i) % 11) - 5) / 5
        g.append(A[i] * x[i] + B[i] * c)
    if t % 5 == 0:
        g[3] = 0.0
    return g


def rosenbrock_grad(x, t):
    a, b = x[0], x[1]
    return [-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)]


PROBLEMS = {
    "quadratic": {"x0": [1.0, -2.0, 0.5, 3.0], "grad": quadratic_grad},
    "rosenbrock": {"x0": [-1.2, 1.0], "grad": rosenbrock_grad},
}

SCHEDULES = {
    "invsqrt": lambda s, t: s["lr0"] / math.sqrt(t),
    "exponential": lambda s, t: s["lr0"] * s["gamma"] ** (t - 1),
}


def record_step(t):
    return t <= 10 or t % 10 == 0


class NAdamTorch2:
    """torch 2.x _single_tensor_nadam (no weight decay), float64 tensors; fixed=False reproduces torch 1.13."""

    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, momentum_decay=4e-3, fixed=True):
        self.param_groups = [{"params": params, "lr": lr}]
        self.beta1, self.beta2 = betas
        self.eps, self.momentum_decay, self.fixed = eps, momentum_decay, fixed
        self.state = [
            {"step": 0, "mu_product": torch.tensor(1.0), "exp_avg": torch.zeros_like(p), "exp_avg_sq": torch.zeros_like(p)}
            for p in params
        ]

    @torch.no_grad()
    def step(self):
        lr, beta1, beta2, eps, momentum_decay = self.param_groups[0]["lr"], self.beta1, self.beta2, self.eps, self.momentum_decay
        for param, st in zip(self.param_groups[0]["params"], self.state):
            grad = param.grad
            st["step"] += 1
            step = st["step"]
            bias_correction2 = 1 - beta2 ** step
            mu = beta1 * (1. - 0.5 * (0.96 ** (step * momentum_decay)))
            mu_next = beta1 * (1. - 0.5 * (0.96 ** ((step + 1) * momentum_decay)))
            st["mu_product"] *= mu
            mu_product = st["mu_product"]
            if self.fixed:
                mu_product_next = mu_product * mu_next  # torch >= 2.0
            else:
                mu_product_next = mu_product * mu * mu_next  # torch 1.13 (the bug)
            st["exp_avg"].mul_(beta1).add_(grad, alpha=1 - beta1)
            st["exp_avg_sq"].mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            denom = st["exp_avg_sq"].div(bias_correction2).sqrt().add_(eps)
            param.addcdiv_(grad, denom, value=-lr * (1. - mu) / (1. - mu_product.item()))
            param.addcdiv_(st["exp_avg"], denom, value=-lr * mu_next / (1. - mu_product_next.item()))


def make(torch_name, params, kwargs):
    if torch_name == "NAdamTorch2":
        return NAdamTorch2(params, **kwargs)
    if torch_name == "NAdamTorch113":
        return NAdamTorch2(params, fixed=False, **kwargs)
    return getattr(torch.optim, torch_name)(params, **kwargs)


def run(torch_name, kwargs, problem, steps, schedule=None):
    prob = PROBLEMS[problem]
    x = torch.tensor(prob["x0"], dtype=torch.float64, requires_grad=True)
    opt = make(torch_name, [x], kwargs)
    out = []
    for t in range(1, steps + 1):
        g = prob["grad"]([v.item() for v in x.detach()], t)
        x.grad = torch.tensor(g, dtype=torch.float64)
        if schedule is not None:
            opt.param_groups[0]["lr"] = SCHEDULES[schedule["kind"]](schedule, t)
        opt.step()
        if record_step(t):
            out.append({"t": t, "x": [v.item() for v in x.detach()]})
    return out


def check_nadam_reimplementation():
    for problem in PROBLEMS:
        kwargs = {"lr": 0.01, "momentum_decay": 0.05}
        ours = run("NAdamTorch113", kwargs, problem, 200)
        theirs = run("NAdam", kwargs, problem, 200)
        assert ours == theirs, f"NAdam reimplementation differs from torch {torch.__version__} on {problem}"


# (optimizer, our hyperparameters, torch class, torch kwargs[, problems]); cases whose lr is
# too large for Rosenbrock's curvature (~1300 at the start) run on the quadratic only; a dict
# of problems maps a problem to its number of steps (None: the default).
CASES = [
    ("sgd", {"lr": 0.01}, "SGD", {"lr": 0.01}, ["quadratic"]),
    ("sgd", {"lr": 1e-3}, "SGD", {"lr": 1e-3}),
    ("momentum", {"lr": 0.01, "momentum": 0.9}, "SGD", {"lr": 0.01, "momentum": 0.9}, ["quadratic"]),
    ("momentum", {"lr": 1e-4, "momentum": 0.9}, "SGD", {"lr": 1e-4, "momentum": 0.9}, ["rosenbrock"]),
    ("momentum", {"lr": 1e-3, "momentum": 0.5, "dampening": 0.3}, "SGD", {"lr": 1e-3, "momentum": 0.5, "dampening": 0.3}),
    ("momentum", {"lr": 1e-3, "momentum": 0, "dampening": 0.5}, "SGD", {"lr": 1e-3, "momentum": 0, "dampening": 0.5}),
    ("nesterov", {"lr": 1e-3, "momentum": 0.9}, "SGD", {"lr": 1e-3, "momentum": 0.9, "nesterov": True, "dampening": 0}),
    ("nesterov", {"lr": 0.01, "momentum": 0.5}, "SGD", {"lr": 0.01, "momentum": 0.5, "nesterov": True, "dampening": 0}, ["quadratic"]),
    ("adagrad", {"lr": 0.1}, "Adagrad", {"lr": 0.1}),
    ("adagrad", {"lr": 0.5, "lrDecay": 0.01, "initialAccumulatorValue": 0.1, "eps": 1e-6}, "Adagrad",
     {"lr": 0.5, "lr_decay": 0.01, "initial_accumulator_value": 0.1, "eps": 1e-6}),
    ("rmsprop", {"lr": 1e-3}, "RMSprop", {"lr": 1e-3}),
    ("rmsprop", {"lr": 1e-3, "alpha": 0.9, "momentum": 0.9, "centered": True}, "RMSprop",
     {"lr": 1e-3, "alpha": 0.9, "momentum": 0.9, "centered": True}),
    ("rmsprop", {"lr": 1e-3, "momentum": 0.5}, "RMSprop", {"lr": 1e-3, "momentum": 0.5}),
    ("rmsprop", {"lr": 1e-3, "centered": True, "eps": 1e-6}, "RMSprop", {"lr": 1e-3, "centered": True, "eps": 1e-6}),
    # torch's addcmul_ rounds once (a fused multiply-add) where JavaScript rounds twice, a 1-ulp
    # difference in Adadelta's u from step 2 on; on Rosenbrock with the defaults the trajectory
    # amplifies it past 1e-12 after ~200 steps, so that case stops at 200 (others are unaffected).
    ("adadelta", {}, "Adadelta", {}, {"quadratic": None, "rosenbrock": 200}),
    ("adadelta", {"lr": 0.5, "rho": 0.95, "eps": 1e-4}, "Adadelta", {"lr": 0.5, "rho": 0.95, "eps": 1e-4}),
    ("adam", {"lr": 0.01}, "Adam", {"lr": 0.01}),
    ("adam", {"lr": 0.02, "beta1": 0, "beta2": 0.99, "eps": 1e-6}, "Adam", {"lr": 0.02, "betas": (0, 0.99), "eps": 1e-6}),
    ("amsgrad", {"lr": 0.01}, "Adam", {"lr": 0.01, "amsgrad": True}),
    ("amsgrad", {"lr": 0.02, "beta1": 0.5, "beta2": 0.9}, "Adam", {"lr": 0.02, "betas": (0.5, 0.9), "amsgrad": True}),
    ("adamw", {"lr": 0.01}, "AdamW", {"lr": 0.01}),
    ("adamw", {"lr": 0.01, "weightDecay": 0.5, "beta1": 0.8}, "AdamW", {"lr": 0.01, "weight_decay": 0.5, "betas": (0.8, 0.999)}),
    ("adamax", {"lr": 0.01}, "Adamax", {"lr": 0.01}),
    ("adamax", {"lr": 0.02, "beta1": 0.5, "beta2": 0.9, "eps": 1e-3}, "Adamax", {"lr": 0.02, "betas": (0.5, 0.9), "eps": 1e-3}),
    ("nadam", {"lr": 0.01}, "NAdamTorch2", {"lr": 0.01}),
    ("nadam", {"lr": 0.01, "momentumDecay": 0.05, "beta2": 0.99}, "NAdamTorch2", {"lr": 0.01, "momentum_decay": 0.05, "betas": (0.9, 0.99)}),
    ("rprop", {}, "Rprop", {}),
    ("rprop", {"lr": 0.1, "etaMinus": 0.3, "etaPlus": 1.5, "stepMin": 1e-4, "stepMax": 1}, "Rprop",
     {"lr": 0.1, "etas": (0.3, 1.5), "step_sizes": (1e-4, 1)}),
]

SCHEDULED = [
    ("sgd", {}, "SGD", {"lr": 0.0}, {"kind": "exponential", "lr0": 2e-3, "gamma": 0.99}),
    ("adam", {}, "Adam", {"lr": 0.0}, {"kind": "invsqrt", "lr0": 0.05}),
]

STEPS = {"quadratic": 200, "rosenbrock": 300}


def main():
    check_nadam_reimplementation()
    cases = []
    for name, hyper, torch_name, kwargs, *extra in CASES:
        only = extra[0] if extra else list(PROBLEMS)
        for problem in only:
            steps = (only[problem] if isinstance(only, dict) else None) or STEPS[problem]
            cases.append({
                "optimizer": name, "hyper": hyper, "torch": f"{torch_name}({kwargs})", "problem": problem,
                "steps": steps, "trajectory": run(torch_name, kwargs, problem, steps),
            })
    for name, hyper, torch_name, kwargs, schedule in SCHEDULED:
        for problem in PROBLEMS:
            cases.append({
                "optimizer": name, "hyper": hyper, "schedule": schedule, "torch": f"{torch_name}({kwargs}) with lr set per step",
                "problem": problem, "steps": STEPS[problem], "trajectory": run(torch_name, kwargs, problem, STEPS[problem], schedule),
            })
    for c in cases:
        for r in c["trajectory"]:
            if not all(math.isfinite(v) and abs(v) < 1e6 for v in r["x"]):
                raise SystemExit(f"{c['optimizer']} {c['hyper']} diverged on {c['problem']}")
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "torch-optim.json")
    with open(path, "w") as f:
        json.dump({
            "generator": "scripts/torch-reference.py",
            "torch": torch.__version__,
            "note": "NAdam cases use the torch >= 2.0 rule (reimplemented, see the script).",
            "problems": {k: {"x0": v["x0"]} for k, v in PROBLEMS.items()},
            "cases": cases,
        }, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
