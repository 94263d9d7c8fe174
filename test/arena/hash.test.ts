import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { defaultConfig, defaultHyper, SURFACE_NAMES, type ArenaConfig } from "../../lib/arena/config.js";
import { decodeArena, encodeArena, isArenaHash, MAX_HASH_LENGTH, parseStrictNumber, quote } from "../../lib/arena/hash.js";
import { optimizers } from "../../lib/optimizers/registry.js";

describe("encodeArena / decodeArena", () => {
  test("decodeArena('') is the default configuration, with no notice", () => {
    expect(decodeArena("")).toEqual({ config: defaultConfig(), notices: [] });
    expect(decodeArena("#")).toEqual({ config: defaultConfig(), notices: [] });
  });

  test("every surface's default configuration round-trips", () => {
    for (const surface of SURFACE_NAMES) {
      const config = defaultConfig(surface);
      const { config: back, notices } = decodeArena("#" + encodeArena(config));
      expect(notices).toEqual([]);
      expect(back).toEqual(config);
    }
  });

  test("a configuration with every optimizer, changed hyperparameters, focus and step round-trips", () => {
    const racers = optimizers.map((info) => {
      const hyper = defaultHyper("rosenbrock", info.name);
      for (const spec of info.hyper) {
        if (spec.boolean) hyper[spec.name] = !spec.default;
        else if (spec.name !== "lr") hyper[spec.name] = spec.scale === "log" ? Math.sqrt(spec.min * spec.max) : (spec.min + spec.max) / 2;
      }
      return { name: info.name, hyper };
    });
    const config: ArenaConfig = { surface: "rosenbrock", start: [0.123456789, -0.5], steps: 1234, target: 2.5e-7, racers, focus: "adam", at: 77, noise: 0.25, seed: 42 };
    const { config: back, notices } = decodeArena(encodeArena(config));
    expect(notices).toEqual([]);
    expect(back).toEqual(config);
  });

  test("noise and seed are written only when σ > 0, and a bad value is ignored with a notice", () => {
    expect(encodeArena(defaultConfig("saddle"))).not.toContain("noise");
    const noisy = { ...defaultConfig("saddle"), noise: 0.5, seed: 7 };
    expect(encodeArena(noisy)).toContain("noise=0.5&seed=7");
    expect(decodeArena(encodeArena(noisy)).config).toEqual(noisy);
    const bad = decodeArena("#surface=saddle&noise=-1&seed=1.5");
    expect(bad.config.noise).toBe(0);
    expect(bad.config.seed).toBe(defaultConfig().seed);
    expect(bad.notices).toEqual([expect.stringContaining("Ignored noise"), expect.stringContaining("Ignored seed")]);
    expect(decodeArena("#noise=11").notices[0]).toContain("from 0 to 10");
  });

  test("the hash writes lr always and other hyperparameters only when they differ from the default", () => {
    const hash = encodeArena(defaultConfig("beale"));
    expect(hash).toMatch(/o=adam:lr=[0-9.e-]+(&|$)/);
    expect(hash).not.toContain("beta1");
  });

  test("random valid configurations round-trip (property)", () => {
    const names = optimizers.map((o) => o.name);
    fc.assert(
      fc.property(
        fc.constantFrom(...SURFACE_NAMES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 10, max: 2000 }),
        fc.subarray(names, { minLength: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (surface, u, v, steps, chosen, w) => {
          const base = defaultConfig(surface);
          const [[x0, x1], [y0, y1]] = [
            [base.start[0] - 0.1, base.start[0] + 0.1],
            [base.start[1] - 0.1, base.start[1] + 0.1],
          ];
          const racers = chosen.map((name) => {
            const info = optimizers.find((o) => o.name === name)!;
            const spec = info.hyper.find((h) => h.name === "lr")!;
            return { name, hyper: { ...defaultHyper(surface, name), lr: spec.min * (spec.max / spec.min) ** w } };
          });
          const config: ArenaConfig = { ...base, start: [x0 + u * (x1 - x0), y0 + v * (y1 - y0)], steps, racers, at: Math.floor(steps * w) };
          const decoded = decodeArena(encodeArena(config));
          expect(decoded.notices).toEqual([]);
          expect(decoded.config).toEqual(config);
        }
      ),
      { numRuns: 200 }
    );
  });
});

describe("decodeArena(hostile hash)", () => {
  const defaults = defaultConfig();

  test("script and markup in values are rejected, quoted as text, never evaluated", () => {
    const globals = globalThis as Record<string, unknown>;
    const hash = "#surface=<img src=x onerror=alert(1)>&o=adam:lr=alert(1)&o=<script>globalThis.pwned=1</script>&target=globalThis.pwned=1&steps=(()=>{globalThis.pwned=1})()";
    const { config, notices } = decodeArena(hash);
    expect(globals.pwned).toBeUndefined();
    expect(config.surface).toBe("beale");
    expect(config.target).toBe(defaults.target);
    expect(config.steps).toBe(defaults.steps);
    expect(config.racers).toEqual([{ name: "adam", hyper: defaultHyper("beale", "adam") }]);
    expect(notices.length).toBeGreaterThanOrEqual(4);
    expect(notices.join("\n")).toContain("Ignored surface");
  });

  test("prototype keys are unknown names, not property look-ups", () => {
    const { config, notices } = decodeArena("#__proto__=1&constructor=2&o=__proto__:lr=1&o=toString&o=adam:__proto__=1,constructor=3,hasOwnProperty=1,lr=0.5&focus=__proto__&surface=toString");
    expect(({} as Record<string, unknown>).lr).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("lr");
    expect(config.racers).toEqual([{ name: "adam", hyper: { ...defaultHyper("beale", "adam"), lr: 0.5 } }]);
    expect(Object.getPrototypeOf(config.racers[0].hyper)).toBe(Object.prototype);
    expect(config.focus).toBeNull();
    expect(config.surface).toBe("beale");
    expect(notices.length).toBe(9);
  });

  test("non-numbers, non-finite numbers and out-of-range values are ignored field by field", () => {
    const { config, notices } = decodeArena("#surface=rosenbrock&start=NaN,1&steps=1e999&target=-5&o=adam:lr=Infinity,beta1=1.5,beta2=0.95&o=sgd:lr=0x10&o=rmsprop:centered=yes&at=-1");
    expect(config.surface).toBe("rosenbrock");
    expect(config.start).toEqual(defaultConfig("rosenbrock").start);
    expect(config.steps).toBe(500);
    expect(config.target).toBe(1e-3); // below Rosenbrock's minimum 0
    expect(config.racers.map((r) => r.name)).toEqual(["adam", "sgd", "rmsprop"]);
    expect(config.racers[0].hyper).toEqual({ ...defaultHyper("rosenbrock", "adam"), beta2: 0.95 });
    expect(config.racers[1].hyper).toEqual(defaultHyper("rosenbrock", "sgd"));
    expect(config.racers[2].hyper.centered).toBe(false);
    expect(config.at).toBe(500);
    expect(notices).toHaveLength(8);
  });

  test("a start outside the map, fractional steps and an unknown focus are ignored", () => {
    const { config, notices } = decodeArena("#surface=saddle&start=100,0&steps=12.5&focus=adam&o=sgd");
    expect(config.start).toEqual(defaultConfig("saddle").start);
    expect(config.steps).toBe(500);
    expect(config.focus).toBeNull();
    expect(notices).toHaveLength(3);
  });

  test("broken percent-encoding, missing values and empty fields do not throw", () => {
    const { config, notices } = decodeArena("#surface=%E0%A4%A&steps&&&=&o=&o=adam:&o=sgd:lr&target=%");
    expect(config.surface).toBe("beale");
    expect(config.racers.map((r) => r.name)).toEqual(["adam", "sgd"]);
    expect(notices.length).toBeGreaterThanOrEqual(5);
  });

  test("duplicates: a second surface, a second racer of the same name, a repeated hyperparameter", () => {
    const { config, notices } = decodeArena("#surface=saddle&surface=beale&o=sgd:lr=0.1,lr=0.2&o=sgd:lr=0.3");
    expect(config.surface).toBe("saddle");
    expect(config.racers).toEqual([{ name: "sgd", hyper: { ...defaultHyper("saddle", "sgd"), lr: 0.1 } }]);
    expect(notices).toHaveLength(3);
  });

  test("a huge hash is ignored whole; thousands of fields are cut", () => {
    const long = decodeArena("#" + "o=adam&".repeat(MAX_HASH_LENGTH));
    expect(long.config).toEqual(defaults);
    expect(long.notices).toHaveLength(1);
    const many = decodeArena("#" + Array.from({ length: 200 }, (_, i) => `x${i}=1`).join("&"));
    expect(many.config).toEqual(defaults);
    expect(many.notices.length).toBe(65);
  });

  test("control characters and long values are shortened in notices", () => {
    const { notices } = decodeArena("#surface=" + encodeURIComponent("a\u0000b\u2028c" + "z".repeat(500)));
    expect(notices[0]).not.toMatch(/[\u0000\u2028]/);
    expect(notices[0].length).toBeLessThan(200);
  });

  test("arbitrary strings never throw and always give a complete, valid configuration (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const { config } = decodeArena(s);
        expect(SURFACE_NAMES).toContain(config.surface);
        expect(config.racers.length).toBeGreaterThan(0);
        expect(Number.isInteger(config.steps)).toBe(true);
        expect(config.start.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  test("arbitrary field soup built from real keys never throws (property)", () => {
    const piece = fc.oneof(
      fc.constantFrom("surface=", "start=", "steps=", "target=", "o=", "focus=", "at=", "adam", "sgd", ":", ",", "=", "&", "lr", "beta1", "1e-3", "-", "NaN", "%", "__proto__"),
      fc.string({ maxLength: 5 })
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const { config } = decodeArena("#" + parts.join(""));
        for (const r of config.racers) {
          const info = optimizers.find((o) => o.name === r.name)!;
          for (const spec of info.hyper) {
            const v = r.hyper[spec.name];
            if (spec.boolean) expect(typeof v).toBe("boolean");
            else expect(Number.isFinite(v)).toBe(true);
          }
        }
      }),
      { numRuns: 500 }
    );
  });
});

describe("isArenaHash(hash)", () => {
  test("a heading's anchor is not an arena hash; a configuration is", () => {
    expect(isArenaHash("#exercises")).toBe(false);
    expect(isArenaHash("")).toBe(false);
    expect(isArenaHash("#" + encodeArena(defaultConfig()))).toBe(true);
    expect(isArenaHash("#surface=<x>")).toBe(true);
  });
});

describe("parseStrictNumber(text)", () => {
  test("accepts plain decimals and exponents", () => {
    expect([parseStrictNumber("1"), parseStrictNumber("-2.5"), parseStrictNumber(".5"), parseStrictNumber("1e-3"), parseStrictNumber("+3E2")]).toEqual([1, -2.5, 0.5, 1e-3, 300]);
  });
  test("rejects everything else", () => {
    for (const s of ["", " 1", "1 ", "0x10", "1_000", "Infinity", "NaN", "1e999", "1e", "--1", "1,5", "alert(1)", "1".repeat(40)]) expect(parseStrictNumber(s)).toBeNaN();
  });
});

describe("quote(text)", () => {
  test("wraps and shortens", () => {
    expect(quote("abc")).toBe("“abc”");
    expect(quote("x".repeat(100))).toHaveLength(42);
  });
});
