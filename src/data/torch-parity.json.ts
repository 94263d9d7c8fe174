// What the library is tested against torch.optim with (optimizers, problems,
// tolerance), read from the parity test's own fixture and tolerance, for the
// pages that say so (reference, home).
import { torchParity } from "../../scripts/claims/torch-parity.js";

process.stdout.write(JSON.stringify(torchParity()));
