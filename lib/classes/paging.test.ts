import { describe, expect, it } from "vitest";
import { pageWindow } from "./paging";

describe("pageWindow", () => {
  it("gives the items of a page and how many pages there are", () => {
    expect(pageWindow(500, 3)).toEqual({ page: 3, pages: 20, from: 50, to: 75, total: 500 });
    expect(pageWindow(51, 3)).toEqual({ page: 3, pages: 3, from: 50, to: 51, total: 51 });
  });

  it("shows the last page for a page past the end, and the first for nonsense", () => {
    expect(pageWindow(30, 99)).toMatchObject({ page: 2, from: 25, to: 30 });
    expect(pageWindow(30, 0)).toMatchObject({ page: 1, from: 0, to: 25 });
    expect(pageWindow(30, Number.NaN)).toMatchObject({ page: 1 });
  });

  it("has one empty page for no items", () => {
    expect(pageWindow(0, 4)).toEqual({ page: 1, pages: 1, from: 0, to: 0, total: 0 });
  });
});
