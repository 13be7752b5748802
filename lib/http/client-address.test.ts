import { describe, expect, it } from "vitest";
import { clientAddress, UNKNOWN_ADDRESS } from "./client-address";

describe("clientAddress", () => {
  it("takes the address the nearest trusted proxy appended", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.2");
    expect(clientAddress(headers, 2)).toBe("198.51.100.7");
  });

  it("without a proxy, reads the socket address Next.js puts in the header", () => {
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" }, 0)).toBe("127.0.0.1");
  });

  it("never reads past the client-supplied left end, and says unknown when there is nothing", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, 3)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), 1)).toBe(UNKNOWN_ADDRESS);
  });
});
