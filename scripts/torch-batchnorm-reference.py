#!/usr/bin/env python3
"""
Reference values from torch.nn.BatchNorm1d, in float64, for test/models/mlp-batchnorm.torch.test.ts.

Run with Debian's torch (python3-torch 1.13):  /usr/bin/python3 scripts/torch-batchnorm-reference.py
Writes test/fixtures/torch-batchnorm.json. The tests never need torch.

The network is the library's mlpBatchNorm([5, 7, 6, 4]): Linear(no bias) ->
BatchNorm1d(eps 1e-5, momentum 0.1) -> ReLU, twice, then Linear -> softmax
cross-entropy (mean over the batch). Parameters and data come from closed-form
formulas (no random generator to reproduce): parameter k of the flat vector, in
the library's layout (W1, gamma1, beta1, W2, gamma2, beta2, W3, b3), is
0.4 * sin(1.7 k + 0.3), except gammas 1 + 0.3 cos(k) and betas 0.2 sin(2 k);
x[i][j] = sin(0.9 i + 1.3 j) + 0.1 j, y[i] = (3 i + 1) % 4.

Recorded: in train mode, four SGD steps (lr 0.1) on the batches below, with
each step's loss, the gradient (flat, the library's layout) and the running
mean and variance after the step; then in eval mode, the per-example loss and
predicted class of every example with the final parameters and running
statistics, and the same with a fresh module (running mean 0, variance 1).
"""
import json
import math
import os

import torch

torch.set_default_dtype(torch.float64)

SIZES = [5, 7, 6, 4]
N = 12
BATCHES = [[0, 3, 3, 7], [1, 2, 4, 5, 6, 8], [9, 10, 11], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]
LR = 0.1


def build():
    layers = []
    for l in range(len(SIZES) - 1):
        last = l == len(SIZES) - 2
        lin = torch.nn.Linear(SIZES[l], SIZES[l + 1], bias=last)
        layers.append(lin)
        if not last:
            layers.append(torch.nn.BatchNorm1d(SIZES[l + 1], eps=1e-5, momentum=0.1))
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def flat_params(net):
    """The library's layout: per hidden layer W, gamma, beta; then W, b."""
    out = []
    mods = list(net)
    for m in mods:
        if isinstance(m, torch.nn.Linear):
            out.append(m.weight)
            if m.bias is not None:
                out.append(m.bias)
        elif isinstance(m, torch.nn.BatchNorm1d):
            out.append(m.weight)
            out.append(m.bias)
    return out


def init(net):
    k = 0
    with torch.no_grad():
        for m in net:
            if isinstance(m, torch.nn.Linear):
                w = m.weight
                flat = w.view(-1)
                for i in range(flat.numel()):
                    flat[i] = 0.4 * math.sin(1.7 * k + 0.3)
                    k += 1
                if m.bias is not None:
                    for i in range(m.bias.numel()):
                        m.bias[i] = 0.4 * math.sin(1.7 * k + 0.3)
                        k += 1
            elif isinstance(m, torch.nn.BatchNorm1d):
                for i in range(m.weight.numel()):
                    m.weight[i] = 1 + 0.3 * math.cos(k)
                    k += 1
                for i in range(m.bias.numel()):
                    m.bias[i] = 0.2 * math.sin(2 * k)
                    k += 1
    return k


def data():
    X = torch.tensor([[math.sin(0.9 * i + 1.3 * j) + 0.1 * j for j in range(SIZES[0])] for i in range(N)])
    y = torch.tensor([(3 * i + 1) % 4 for i in range(N)])
    return X, y


def flat(tensors):
    return [float(v) for t in tensors for v in t.detach().reshape(-1)]


def running(net):
    bns = [m for m in net if isinstance(m, torch.nn.BatchNorm1d)]
    return {"mean": [flat([b.running_mean]) for b in bns], "var": [flat([b.running_var]) for b in bns]}


def evaluate(net, X, y):
    net.eval()
    with torch.no_grad():
        logits = net(X)
        losses = torch.nn.functional.cross_entropy(logits, y, reduction="none")
    net.train()
    return {"loss": flat([losses]), "predicted": [int(c) for c in logits.argmax(dim=1)]}


def main():
    X, y = data()
    net = build()
    dim = init(net)
    fresh = evaluate(net, X, y)
    initial = flat(flat_params(net))
    steps = []
    opt = torch.optim.SGD(net.parameters(), lr=LR)
    net.train()
    for batch in BATCHES:
        idx = torch.tensor(batch)
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(net(X[idx]), y[idx])
        loss.backward()
        grads = flat([p.grad for p in flat_params(net)])
        opt.step()
        steps.append({"batch": batch, "loss": float(loss), "grad": grads, "running": running(net)})
    out = {
        "torch": torch.__version__,
        "sizes": SIZES,
        "lr": LR,
        "dim": dim,
        "params": initial,
        "X": flat([X]),
        "y": [int(c) for c in y],
        "freshEval": fresh,
        "steps": steps,
        "finalParams": flat(flat_params(net)),
        "eval": evaluate(net, X, y),
    }
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "torch-batchnorm.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {path}: {len(steps)} steps, dim {dim}")


if __name__ == "__main__":
    main()
