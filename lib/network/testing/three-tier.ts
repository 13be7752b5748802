import { network } from "./builder";

/**
 * The VPC deep dive's three-tier diagram: a public web tier behind an
 * internet gateway, a private app tier that reaches the internet through a
 * NAT gateway, and an isolated database tier.
 */
export function threeTier() {
  return network()
    .vpc("vpc-shop", "10.0.0.0/16")
    .subnet("subnet-web", "vpc-shop", "10.0.1.0/24", { az: "us-east-1a" })
    .subnet("subnet-app", "vpc-shop", "10.0.2.0/24", { az: "us-east-1a" })
    .subnet("subnet-db", "vpc-shop", "10.0.3.0/24", { az: "us-east-1a" })
    .internetGateway("igw-shop", "vpc-shop")
    .natGateway("nat-shop", "subnet-web", { privateIp: "10.0.1.5", publicIp: "3.3.3.3" })
    .routeTable("rtb-main", "vpc-shop", { main: true, subnets: ["subnet-db"] })
    .routeTable("rtb-web", "vpc-shop", { subnets: ["subnet-web"], routes: { "0.0.0.0/0": "igw-shop" } })
    .routeTable("rtb-app", "vpc-shop", { subnets: ["subnet-app"], routes: { "0.0.0.0/0": "nat-shop" } })
    .securityGroup("sg-web", { inbound: ["tcp 443 0.0.0.0/0"] })
    .securityGroup("sg-app", { inbound: ["tcp 8080 sg-web"] })
    .securityGroup("sg-db", { inbound: ["tcp 5432 sg-app"] })
    .instance("i-web", "subnet-web", "10.0.1.10", { groups: ["sg-web"], publicIp: "54.1.1.10" })
    .instance("i-app", "subnet-app", "10.0.2.10", { groups: ["sg-app"] })
    .instance("i-db", "subnet-db", "10.0.3.10", { groups: ["sg-db"] });
}
