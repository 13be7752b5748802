import { network } from "@/lib/network/testing/builder";
import { removeRoute, setResourceField } from "@/lib/questions/generated/changes";
import { describeInstance, describeOnPremises, describePeering, describeRouteTable, describeVirtualInterface, describeVpc, describeVpnConnection } from "@/lib/questions/generated/describe";
import { defineTemplate, type ClaimDraft } from "@/lib/questions/generated/template";
import { APP_NAMES, ephemeralPort, hostIn, hosts, resourceId, subnetBlock, subnetThirds, vpcBlocks } from "@/lib/questions/generated/variety";

/**
 * One VPC, three ways out for 172.16.0.0/12 addresses: a peering connection (a static route),
 * and a virtual private gateway that learns the data centre's prefixes over Direct Connect and
 * over a Site-to-Site VPN (propagated routes). The VPC router picks the longest prefix first;
 * among equal prefixes from the VGW, Direct Connect is preferred over VPN. A VIF that is down
 * withdraws its routes, and the VPN takes over.
 * https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html
 * https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-route-priority.html
 */
export const hybridRoutePriority = defineTemplate({
  id: "hybrid-route-priority",
  title: "Peering, Direct Connect or VPN: which way does the packet go?",
  kind: "can-reach",
  lesson: "direct-connect",
  section: "redundancy-and-the-route-preference-that-makes-vpn-backup-work",
  task: "2.1",
  difficulty: "hard",
  docs: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html",
    "https://docs.aws.amazon.com/vpn/latest/s2svpn/vpn-route-priority.html",
    "https://docs.aws.amazon.com/directconnect/latest/UserGuide/WorkingWithVirtualInterfaces.html",
  ],
  teaches: ["NO_ROUTE_TO_DESTINATION"],
  build(rng) {
    const app = rng.pick(APP_NAMES);
    const [cidrA = ""] = vpcBlocks(rng, 1);
    const peerSecond = rng.int(16, 31);
    const cidrPeer = `172.${peerSecond}.0.0/16`;
    const specificSecond = rng.pick(Array.from({ length: 16 }, (_, i) => 16 + i).filter((x) => x !== peerSecond));
    const specific = `172.${specificSecond}.${rng.int(0, 255)}.0/24`;
    const [third = 1, peerThird = 2] = subnetThirds(rng, 2);
    const [hostA = 10, hostPeer = 20] = hosts(rng, 2);
    const subnetA = subnetBlock(cidrA, third);
    const subnetPeer = `172.${peerSecond}.${peerThird}.0/24`;
    const port = rng.pick([22, 443, 1521, 445]);
    const ids = {
      vpcA: resourceId(rng, "vpc", app),
      vpcPeer: resourceId(rng, "vpc", "partner"),
      subnetA: resourceId(rng, "subnet", app),
      subnetPeer: resourceId(rng, "subnet", "partner"),
      rtbA: resourceId(rng, "rtb", app),
      rtbPeer: resourceId(rng, "rtb", "partner"),
      pcx: resourceId(rng, "pcx", `${app}-partner`),
      vgw: resourceId(rng, "vgw", app),
      onprem: resourceId(rng, "onprem", "dc"),
      cgw: resourceId(rng, "cgw", "dc"),
      vpn: resourceId(rng, "vpn", "dc"),
      dxcon: resourceId(rng, "dxcon", "dc"),
      vif: resourceId(rng, "dxvif", "dc"),
      sg: resourceId(rng, "sg", "partner"),
      sgClient: resourceId(rng, "sg", app),
      client: resourceId(rng, "i", app),
      partner: resourceId(rng, "i", "partner"),
    };
    const variant = rng.pick(["peer", "direct-connect", "vpn-specific", "direct-connect-down", "no-route"] as const);
    const vpnStatic = variant === "vpn-specific" || rng.chance(0.5);
    const vifDown = variant === "direct-connect-down";
    const addressIn = (cidr: string) => `${cidr.split(".").slice(0, 2).join(".")}.${cidr.endsWith("/24") ? cidr.split(".")[2] : rng.int(0, 255)}.${rng.int(10, 250)}`;
    const onPremAddress = () => {
      // An address of the data centre outside the peer VPC and outside the VPN-only /24.
      const second = rng.pick(Array.from({ length: 16 }, (_, i) => 16 + i).filter((x) => x !== peerSecond && x !== specificSecond));
      return `172.${second}.${rng.int(0, 255)}.${rng.int(10, 250)}`;
    };
    const destination =
      variant === "peer" ? hostIn(subnetPeer, hostPeer) : variant === "vpn-specific" ? addressIn(specific) : variant === "no-route" ? `192.168.${rng.int(0, 255)}.${rng.int(10, 250)}` : onPremAddress();

    const builder = network()
      .vpc(ids.vpcA, cidrA)
      .vpc(ids.vpcPeer, cidrPeer)
      .subnet(ids.subnetA, ids.vpcA, subnetA)
      .subnet(ids.subnetPeer, ids.vpcPeer, subnetPeer)
      .peering(ids.pcx, ids.vpcA, ids.vpcPeer)
      .vpnGateway(ids.vgw, ids.vpcA)
      .site(ids.onprem, ["172.16.0.0/12"], { customerGatewayId: ids.cgw, vpnConnectionId: ids.vpn, to: ids.vgw, ...(vpnStatic ? { staticRoutes: variant === "vpn-specific" || rng.chance(0.5) ? ["172.16.0.0/12", specific] : ["172.16.0.0/12"] } : {}), tunnels: ["UP", "UP"] })
      .directConnect(ids.onprem, ["172.16.0.0/12"], { connectionId: ids.dxcon, virtualInterfaceId: ids.vif, type: "private", to: ids.vgw })
      .routeTable(ids.rtbA, ids.vpcA, { main: true, routes: { [cidrPeer]: ids.pcx }, propagatingVgws: [ids.vgw] })
      .routeTable(ids.rtbPeer, ids.vpcPeer, { main: true, routes: { [cidrA]: ids.pcx } })
      .securityGroup(ids.sg, { inbound: [`tcp ${port} 10.0.0.0/8`] })
      .securityGroup(ids.sgClient, {})
      .instance(ids.client, ids.subnetA, hostIn(subnetA, hostA), { groups: [ids.sgClient] })
      .instance(ids.partner, ids.subnetPeer, hostIn(subnetPeer, hostPeer), { groups: [ids.sg] });
    const topology = builder.toJSON();
    if (vifDown) {
      const vif = topology.virtualInterfaces?.find((v) => v.virtualInterfaceId === ids.vif);
      if (vif) vif.virtualInterfaceState = "down";
    }
    const vpnRoutes = topology.vpnConnections?.find((v) => v.vpnConnectionId === ids.vpn)?.routes?.map((r) => r.destinationCidrBlock) ?? [];

    const claims = {
      peering: { text: `Yes, over the peering connection ${ids.pcx}.`, claim: { works: true, via: [ids.pcx] } },
      directConnect: { text: `Yes, over the Direct Connect virtual interface ${ids.vif}.`, claim: { works: true, via: [ids.vif] } },
      vpn: { text: `Yes, over the Site-to-Site VPN connection ${ids.vpn}.`, claim: { works: true, via: [ids.vpn] } },
      noRoute: { text: `No: ${ids.rtbA} has no route that matches ${destination}.`, claim: { works: false, blockedBy: ids.rtbA } },
    } satisfies Record<string, ClaimDraft>;
    const pivot =
      variant === "peer"
        ? removeRoute(ids.rtbA, cidrPeer)
        : variant === "direct-connect"
          ? setResourceField("virtualInterfaces", "virtualInterfaceId", ids.vif, "virtualInterfaceState", "down")
          : variant === "direct-connect-down"
            ? setResourceField("virtualInterfaces", "virtualInterfaceId", ids.vif, "virtualInterfaceState", "available")
            : variant === "vpn-specific"
              ? setResourceField("vpnConnections", "vpnConnectionId", ids.vpn, "routes", [{ destinationCidrBlock: "172.16.0.0/12" }])
              : setResourceField("onPremisesNetworks", "id", ids.onprem, "cidrBlocks", ["172.16.0.0/12", "192.168.0.0/16"]);
    return {
      kind: "can-reach",
      topology,
      stem: `Instance ${ids.client} in ${ids.vpcA} (${cidrA}) must open a TCP connection to ${destination} on port ${port}. ${ids.vpcA} is peered with ${ids.vpcPeer} (${cidrPeer}), and its virtual private gateway ${ids.vgw} connects the data centre ${ids.onprem} (172.16.0.0/12) over a Direct Connect private virtual interface${vifDown ? " that is currently down" : ""} and over a Site-to-Site VPN${vpnStatic ? ` with static routes ${vpnRoutes.join(", ")}` : " with BGP"}. Route propagation from ${ids.vgw} is enabled on ${ids.rtbA}, and the data centre's firewalls allow the traffic. Can the connection be opened, and if so, which way does it go?`,
      facts: (t) => [
        describeVpc(t, ids.vpcA),
        describeVpc(t, ids.vpcPeer),
        describePeering(t, ids.pcx),
        describeRouteTable(t, ids.rtbA),
        describeRouteTable(t, ids.rtbPeer),
        describeOnPremises(t, ids.onprem),
        describeVirtualInterface(t, ids.vif),
        describeVpnConnection(t, ids.vpn),
        describeInstance(t, ids.client),
        describeInstance(t, ids.partner),
      ],
      flow: { label: `${ids.client} to ${destination} on TCP ${port}`, flow: { kind: "packet", source: ids.client, destinationIp: destination, protocol: "tcp", destinationPort: port, sourcePort: ephemeralPort(rng, "linux") } },
      options: [claims.peering, claims.directConnect, claims.vpn, claims.noRoute],
      pivot,
    };
  },
});
