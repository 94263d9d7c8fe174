import { describe, expect, it } from "vitest";
import { rateText } from "../../src/components/charts/momentum-rate-heatmap.js";

describe("rateText(rate): a converging rate never reads as 1", () => {
  it("writes 4 significant digits where they tell the rate from 1", () => {
    expect(rateText(0.5)).toBe("0.5");
    expect(rateText(0.98765)).toBe("0.9877");
    expect(rateText(1.2)).toBe("1.2");
    expect(rateText(1)).toBe("1");
  });
  it("adds digits for a rate just below 1 (0.99996 is not 'rate 1')", () => {
    expect(rateText(0.99996)).toBe("0.99996");
    expect(rateText(1 - 1e-9)).not.toBe("1");
  });
});
