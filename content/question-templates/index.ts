import type { AnyQuestionTemplate } from "@/lib/questions/generated/template";
import { flowLogInboundRecords } from "./flow-log-inbound-records";
import { flowLogNatRecords } from "./flow-log-nat-records";
import { gatewayEndpointPath } from "./gateway-endpoint-path";
import { globalAcceleratorEndpoints } from "./global-accelerator-endpoints";
import { hybridRoutePriority } from "./hybrid-route-priority";
import { interfaceEndpointAccess } from "./interface-endpoint-access";
import { internetAccessFirstBlock } from "./internet-access-first-block";
import { naclEphemeralPorts } from "./nacl-ephemeral-ports";
import { natGatewayPlacement } from "./nat-gateway-placement";
import { peeringNotTransitive } from "./peering-not-transitive";
import { peeringOverlappingCidrs } from "./peering-overlapping-cidrs";
import { securityGroupReferences } from "./security-group-references";
import { sgNaclFirstBlock } from "./sg-nacl-first-block";
import { tgwAssociationPropagation } from "./tgw-association-propagation";
import { tgwSegmentation } from "./tgw-segmentation";

/**
 * Every question template, in course order (content/question-templates/README.md). A template's
 * id is part of every generated question's address, so never rename one that has shipped.
 */
export const QUESTION_TEMPLATES: readonly AnyQuestionTemplate[] = [
  internetAccessFirstBlock,
  natGatewayPlacement,
  naclEphemeralPorts,
  securityGroupReferences,
  sgNaclFirstBlock,
  gatewayEndpointPath,
  interfaceEndpointAccess,
  peeringNotTransitive,
  peeringOverlappingCidrs,
  tgwAssociationPropagation,
  tgwSegmentation,
  hybridRoutePriority,
  flowLogInboundRecords,
  flowLogNatRecords,
  globalAcceleratorEndpoints,
];
