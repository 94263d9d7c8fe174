import { describe, expect, it } from "vitest";
import * as lib from "../../lib/optimizers/index.js";
import { optimizerInfo, optimizers } from "../../lib/optimizers/index.js";

describe("optimizers (the registry)", () => {
  it("lists every factory exactly once, under its own name", () => {
    const factories = Object.entries(lib).filter(([k, v]) => typeof v === "function" && k !== "optimizerInfo").map(([k]) => k);
    expect(optimizers.map((o) => o.name).sort()).toEqual(factories.sort());
    for (const info of optimizers) {
      expect(info.factory).toBe(lib[info.name as keyof typeof lib]);
    }
  });

  it("registry defaults equal factory().hyper (required values passed explicitly)", () => {
    for (const info of optimizers) {
      const required = Object.fromEntries(info.hyper.filter((h) => h.required).map((h) => [h.name, h.default]));
      const opt = info.factory(required);
      expect(opt.name).toBe(info.name);
      expect(Object.fromEntries(info.hyper.map((h) => [h.name, h.default])), info.name).toEqual({ ...opt.hyper });
    }
  });

  it("required hyperparameters are exactly those the factory cannot do without", () => {
    for (const info of optimizers) {
      const required = info.hyper.filter((h) => h.required).map((h) => h.name);
      if (required.length === 0) expect(() => info.factory(), info.name).not.toThrow();
      else expect(() => info.factory({}), info.name).toThrow(/lr is required/);
    }
  });

  it("every slider range contains its default and log scales stay positive", () => {
    for (const info of optimizers) {
      for (const h of info.hyper) {
        expect(h.min, `${info.name}.${h.name}`).toBeLessThanOrEqual(h.max);
        if (h.boolean) {
          expect(typeof h.default).toBe("boolean");
          continue;
        }
        const d = h.default as number;
        if (h.scale === "log") expect(h.min, `${info.name}.${h.name}`).toBeGreaterThan(0);
        if (!(h.scale === "log" && d === 0)) {
          expect(d, `${info.name}.${h.name}`).toBeGreaterThanOrEqual(h.min);
          expect(d, `${info.name}.${h.name}`).toBeLessThanOrEqual(h.max);
        }
        expect(h.description.length).toBeGreaterThan(0);
      }
      expect(info.rule.length).toBeGreaterThan(0);
      expect(info.paper.url).toMatch(/^https:\/\//);
      if (info.variantOf) expect(optimizers.map((o) => o.name)).toContain(info.variantOf);
    }
  });

  it("optimizerInfo(name) finds an entry, or throws a TypeError listing the names", () => {
    expect(optimizerInfo("adam").title).toBe("Adam");
    expect(() => optimizerInfo("adamm")).toThrow(/unknown optimizer "adamm"; known optimizers are sgd, momentum/);
  });
});
