import { z } from "zod";
import { awsList } from "./common";

/**
 * Global Accelerator: `aws globalaccelerator list-accelerators`,
 * `list-listeners` and `list-endpoint-groups`. A listener's ARN extends its
 * accelerator's (`…:accelerator/<id>/listener/<id>`) and an endpoint group's
 * extends its listener's, so none needs wrapping.
 */

export const acceleratorSchema = z.looseObject({
  AcceleratorArn: z.string(),
  Name: z.string().optional(),
  Enabled: z.boolean().optional(),
  IpSets: awsList(z.looseObject({ IpAddresses: awsList(z.string()) })),
});

export const acceleratorListenerSchema = z.looseObject({
  ListenerArn: z.string().startsWith("arn:aws:globalaccelerator:"),
  Protocol: z.string(),
  PortRanges: awsList(z.looseObject({ FromPort: z.number().int(), ToPort: z.number().int() })),
  ClientAffinity: z.string().optional(),
});

export const endpointGroupSchema = z.looseObject({
  EndpointGroupArn: z.string(),
  EndpointGroupRegion: z.string(),
  TrafficDialPercentage: z.number().optional(),
  EndpointDescriptions: awsList(
    z.looseObject({
      EndpointId: z.string(),
      Weight: z.number().int().optional(),
      HealthState: z.string().optional(),
      ClientIPPreservationEnabled: z.boolean().optional(),
    }),
  ),
});

export type AwsAccelerator = z.infer<typeof acceleratorSchema>;
export type AwsAcceleratorListener = z.infer<typeof acceleratorListenerSchema>;
export type AwsEndpointGroup = z.infer<typeof endpointGroupSchema>;
