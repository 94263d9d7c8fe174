"""Reference values for the batch-norm forward-pass exercise
(exercises/strategies/batchnorm-forward): one torch.nn.BatchNorm1d layer in
float64, three training-mode batches (outputs and running averages after each)
then an evaluation-mode batch. Writes test/fixtures/torch-batchnorm-layer.json.

Run: /usr/bin/python3 scripts/torch-batchnorm-layer-reference.py
"""
import json
import torch

torch.manual_seed(0)
units = 3
bn = torch.nn.BatchNorm1d(units, eps=1e-5, momentum=0.1).double()
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.5, 0.5, -1.0], dtype=torch.float64))
    bn.bias.copy_(torch.tensor([0.1, -0.2, 0.3], dtype=torch.float64))

steps = []
bn.train()
for m in [4, 6, 2]:
    z = torch.randn(m, units, dtype=torch.float64) * 2 + 1
    with torch.no_grad():
        y = bn(z)
    steps.append({"m": m, "z": z.flatten().tolist(), "y": y.flatten().tolist(),
                  "runningMean": bn.running_mean.tolist(), "runningVar": bn.running_var.tolist()})
bn.eval()
z = torch.randn(5, units, dtype=torch.float64) * 2 + 1
with torch.no_grad():
    y = bn(z)
out = {"torch": torch.__version__, "units": units, "eps": 1e-5, "momentum": 0.1,
       "gamma": bn.weight.tolist(), "beta": bn.bias.tolist(), "train": steps,
       "eval": {"m": 5, "z": z.flatten().tolist(), "y": y.flatten().tolist()}}
with open("test/fixtures/torch-batchnorm-layer.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote test/fixtures/torch-batchnorm-layer.json")
