// The playground's rivals with learning rates tuned by the arena's tuner on
// each surface (lib/arena/rivals.ts); computed at build time, since tuning all
// six surfaces takes seconds.
import { PLAYGROUND_STEPS, tunedRivalsBySurface } from "../../lib/arena/rivals.js";

process.stdout.write(JSON.stringify({ steps: PLAYGROUND_STEPS, surfaces: tunedRivalsBySurface(PLAYGROUND_STEPS) }));
